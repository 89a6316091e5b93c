package io.aiojakarta.interceptors.shutdown;

import io.aiojakarta.AsyncView;
import io.aiojakarta.EventLoop;
import io.aiojakarta.GreenletBridge;
import io.aiojakarta.Mapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;

/** Bodies still running when the container stops, using an application-scoped bean at their end. */
@ApplicationScoped
public class LateWork {

    static volatile CountDownLatch started = new CountDownLatch(3);

    @Inject
    EventLoop loop;

    @Inject
    GreenletBridge bridge;

    @Inject
    Ledger ledger;

    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> coroutine() {
        started.countDown();
        return loop.sleep(Duration.ofMillis(300)).thenApply(ignored -> ledger.record());
    }

    @AsyncView(Mapper.EXECUTOR)
    public String blocking() throws InterruptedException {
        started.countDown();
        Thread.sleep(300); // a blocking call still running at shutdown
        return ledger.record();
    }

    @AsyncView(Mapper.GREENLET)
    public String greenlet() {
        started.countDown();
        bridge.await(loop.sleep(Duration.ofMillis(300)));
        return ledger.record();
    }
}
