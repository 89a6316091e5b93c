package io.aiojakarta.embedded.interaction;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Futures shared between requests: one request waits on a key, another completes it. */
final class Mailbox {

    private static final Map<String, CompletableFuture<String>> FUTURES = new ConcurrentHashMap<>();

    private Mailbox() {
    }

    static CompletableFuture<String> future(String key) {
        return FUTURES.computeIfAbsent(key, ignored -> new CompletableFuture<>());
    }

    static boolean waiting(String key) {
        return FUTURES.containsKey(key);
    }

    static void complete(String key, String value) {
        future(key).complete(value);
    }
}
