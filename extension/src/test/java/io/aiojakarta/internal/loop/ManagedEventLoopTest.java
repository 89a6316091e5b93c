package io.aiojakarta.internal.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.internal.context.ContextCapture;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ManagedEventLoopTest {

    private ManagedEventLoop loop = new ManagedEventLoop(1, ContextCapture.CLASS_LOADER_ONLY);

    @AfterEach
    void stop() {
        loop.shutdown(Duration.ofSeconds(5));
    }

    @Test
    void tasksRunOnTheNamedLoopThread() throws Exception {
        String name = loop.submit(() -> Thread.currentThread().getName()).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals("aio-loop-1", name);
        assertTrue(loop.submit(loop::inEventLoop).toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertFalse(loop.inEventLoop());
    }

    @Test
    void sleepCompletesOnTheLoopAfterTheDelay() throws Exception {
        long start = System.nanoTime();
        String thread = loop.sleep(Duration.ofMillis(200))
                .thenApply(ignored -> Thread.currentThread().getName())
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals("aio-loop-1", thread);
        assertTrue(elapsedMillis >= 190, "slept only " + elapsedMillis + " ms");
    }

    @Test
    void cancellingSleepCancelsTheTimer() throws Exception {
        CompletableFuture<Void> sleep = loop.sleep(Duration.ofSeconds(30)).toCompletableFuture();
        assertTrue(sleep.cancel(false));
        // the timer is removed from the loop's queue, so shutdown finds nothing left to drop
        assertEquals(0, loop.shutdown(Duration.ofSeconds(5)));
        assertTrue(loop.isTerminated());
    }

    @Test
    void completingSleepWithCancellationCancelsTheTimer() throws Exception {
        CompletableFuture<Void> sleep = loop.sleep(Duration.ofSeconds(30)).toCompletableFuture();
        assertTrue(sleep.completeExceptionally(new CancellationException("no longer needed")));
        assertTrue(sleep.isCancelled());
        assertEquals(0, loop.shutdown(Duration.ofSeconds(5)));
    }

    @Test
    void failingSleepOtherwiseLeavesTheTimerToTheLoop() throws Exception {
        CompletableFuture<Void> sleep = loop.sleep(Duration.ofSeconds(30)).toCompletableFuture();
        assertTrue(sleep.completeExceptionally(new IllegalStateException("failed by its owner")));
        // not a cancellation: the timer stays armed until it fires or the loop stops, which drops it
        assertEquals(1, loop.shutdown(Duration.ofMillis(100)));
    }

    @Test
    void submitFailsWithTheTasksOwnException() {
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> loop.submit(() -> { throw new IOException("disk gone"); }).toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, failed.getCause());
        assertEquals("disk gone", failed.getCause().getMessage());
    }

    @Test
    void tasksRunInSubmissionOrder() throws Exception {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int n = i;
            loop.execute(() -> seen.add(n));
        }
        loop.submit(() -> null).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(1000, seen.size());
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, seen.get(i));
        }
    }

    @Test
    void aFailingTaskDoesNotStopTheLoop() throws Exception {
        loop.execute(() -> { throw new IllegalStateException("boom"); });
        assertEquals("still here", loop.submit(() -> "still here").toCompletableFuture().get(5, TimeUnit.SECONDS));
    }

    @Test
    void shutdownRefusesNewTasksAndStopsTheThread() throws Exception {
        Thread loopThread = loop.submit(Thread::currentThread).toCompletableFuture().get(5, TimeUnit.SECONDS);
        loop.shutdown(Duration.ofSeconds(5));
        RejectedExecutionException refused = assertThrows(RejectedExecutionException.class, () -> loop.execute(() -> { }));
        assertTrue(refused.getMessage().startsWith("AIOJ-0401"), refused.getMessage());
        loopThread.join(5000);
        assertFalse(loopThread.isAlive());
    }

    @Test
    void tasksFromALoopThreadStayOnThatLoop() throws Exception {
        loop.shutdown(Duration.ofSeconds(1));
        loop = new ManagedEventLoop(2, ContextCapture.CLASS_LOADER_ONLY);
        String first = loop.submit(() -> Thread.currentThread().getName()).toCompletableFuture().get(5, TimeUnit.SECONDS);
        String second = loop.submit(() -> Thread.currentThread().getName()).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertNotEquals(first, second, "tasks from outside go to the loops in turn");
        String nested = loop.submit(() -> {
            String outer = Thread.currentThread().getName();
            return loop.submit(() -> Thread.currentThread().getName() + "<-" + outer);
        }).toCompletableFuture().get(5, TimeUnit.SECONDS).toCompletableFuture().get(5, TimeUnit.SECONDS);
        String[] names = nested.split("<-");
        assertEquals(names[0], names[1], "a task submitted from a loop stays on it");
    }

    @Test
    void zeroThreadsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ManagedEventLoop(0, ContextCapture.CLASS_LOADER_ONLY));
    }
}
