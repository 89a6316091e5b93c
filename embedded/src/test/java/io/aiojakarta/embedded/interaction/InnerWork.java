package io.aiojakarta.embedded.interaction;

import io.aiojakarta.AsyncView;
import io.aiojakarta.EventLoop;
import io.aiojakarta.Mapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/** Mapped methods that other mapped bodies call: the nested half of each pair. */
@ApplicationScoped
public class InnerWork {

    @Inject
    Caller caller;

    @Inject
    EventLoop loop;

    @AsyncView(Mapper.EXECUTOR)
    public String blocking() {
        return "executor:" + threadKind() + ":" + caller.id();
    }

    @AsyncView(Mapper.GREENLET)
    public String greenlet() {
        return "greenlet:" + threadKind() + ":" + caller.id();
    }

    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> coroutine() {
        String seen = "coroutine:" + threadKind() + ":" + caller.id();
        return loop.submit(() -> seen);
    }

    static String threadKind() {
        return Thread.currentThread().getName().replaceAll("-\\d+$", "");
    }
}
