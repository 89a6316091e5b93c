package io.aiojakarta.interceptors.deployment;

import io.aiojakarta.AsyncView;
import io.aiojakarta.Mapper;
import jakarta.enterprise.concurrent.Asynchronous;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;

@ApplicationScoped
public class DoublyAsynchronous {

    @AsyncView(Mapper.COROUTINE)
    @Asynchronous
    public CompletableFuture<String> fetch() {
        return Asynchronous.Result.complete("twice moved");
    }
}
