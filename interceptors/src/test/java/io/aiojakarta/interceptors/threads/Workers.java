package io.aiojakarta.interceptors.threads;

import io.aiojakarta.AsyncView;
import io.aiojakarta.EventLoop;
import io.aiojakarta.Mapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A plain CDI bean (not a resource) with one method per mapper. */
@ApplicationScoped
public class Workers {

    @Inject
    EventLoop loop;

    @AsyncView(Mapper.EXECUTOR)
    public String blocking() {
        return Thread.currentThread().getName();
    }

    @AsyncView(Mapper.GREENLET)
    public String greenlet() {
        return Thread.currentThread().getName();
    }

    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> coroutine() {
        return CompletableFuture.completedFuture(Thread.currentThread().getName());
    }

    /** A coroutine that calls a blocking mapped method on the loop: a misuse. */
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> coroutineCallingBlocking(Workers self) {
        return CompletableFuture.completedFuture(self.blocking());
    }
}
