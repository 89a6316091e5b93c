package io.aiojakarta.internal.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class GreenletsTest {

    private final Greenlets greenlets = new Greenlets(10);

    @AfterEach
    void stop() {
        greenlets.shutdown(Duration.ofSeconds(5));
    }

    @Test
    void aTaskQueuedByAGreenletRunsOnThatGreenletOnceItsTaskHasReturned() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CompletableFuture<Thread> later = new CompletableFuture<>();
        CompletableFuture<Thread> first = new CompletableFuture<>();
        greenlets.execute(() -> {
            assertTrue(Greenlets.runAfterCurrentTask(() -> {
                order.add("queued");
                later.complete(Thread.currentThread());
            }));
            order.add("task");
            first.complete(Thread.currentThread());
        });
        assertEquals(first.get(10, TimeUnit.SECONDS), later.get(10, TimeUnit.SECONDS), "the same greenlet");
        assertEquals(List.of("task", "queued"), order);
    }

    @Test
    void aQueuedTaskThatFailsLeavesTheOthersToRun() throws Exception {
        CompletableFuture<String> second = new CompletableFuture<>();
        greenlets.execute(() -> {
            Greenlets.runAfterCurrentTask(() -> {
                throw new IllegalStateException("the first queued task fails");
            });
            Greenlets.runAfterCurrentTask(() -> second.complete("ran"));
        });
        assertEquals("ran", second.get(10, TimeUnit.SECONDS));
    }

    @Test
    void offAGreenletNothingIsQueued() throws Exception {
        assertFalse(Greenlets.runAfterCurrentTask(() -> { }), "a platform thread has no greenlet's end");
        CompletableFuture<Boolean> borrowed = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> greenlets.runHere(() -> borrowed.complete(Greenlets.runAfterCurrentTask(() -> { }))));
        assertFalse(borrowed.get(10, TimeUnit.SECONDS), "a server's virtual thread made a greenlet has no end of ours");
    }
}
