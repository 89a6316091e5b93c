package io.aiojakarta.it.websocket;

import io.aiojakarta.AsyncView;
import io.aiojakarta.EventLoop;
import io.aiojakarta.Mapper;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;

/** A plain annotated endpoint mapped with @AsyncView: replies after a random delay, yet in order. */
@ServerEndpoint("/ws/plain")
@Dependent
public class PlainEndpoint {

    @Inject
    EventLoop loop;

    @OnMessage
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> reply(String text, Session session) {
        String thread = Thread.currentThread().getName();
        return loop.sleep(Duration.ofMillis(ThreadLocalRandom.current().nextInt(0, 20)))
                .thenApply(ignored -> text + "@" + thread);
    }
}
