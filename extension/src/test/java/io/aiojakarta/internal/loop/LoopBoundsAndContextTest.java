package io.aiojakarta.internal.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.internal.context.ContextCapture;
import io.aiojakarta.internal.context.ContextSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The loop's bound, its lifecycle, and continuations that follow the code that registered them. */
@Timeout(30)
class LoopBoundsAndContextTest {

    /** A context of one thread-local value, standing for a request's context. */
    private static final ThreadLocal<String> WHO = new ThreadLocal<>();
    private static final ContextCapture WHO_CAPTURE = () -> {
        ContextSnapshot current = ContextSnapshot.current();
        if (current != null) {
            return current;
        }
        String who = WHO.get();
        return new ContextSnapshot(Thread.currentThread().getContextClassLoader(), List.of(() -> {
            String previous = WHO.get();
            WHO.set(who);
            return () -> WHO.set(previous);
        }));
    };

    private ManagedEventLoop loop;

    @AfterEach
    void stop() {
        if (loop != null) {
            loop.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void submissionsPastTheBoundFailAtOnceAndNeverBlockTheSubmitter() throws Exception {
        loop = new ManagedEventLoop(1, ContextCapture.CLASS_LOADER_ONLY, Duration.ZERO, 5);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        loop.execute(() -> {
            running.countDown();
            await(release);
        });
        assertTrue(running.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 5; i++) {
            loop.execute(() -> { });
        }
        assertEquals(5, loop.queued());
        RejectedExecutionException refused = assertThrows(RejectedExecutionException.class, () -> loop.execute(() -> { }));
        assertTrue(refused.getMessage().startsWith("AIOJ-0405: event loop 'aio-loop-1' holds 5 tasks and timers"),
                refused.getMessage());
        CompletableFuture<String> submitted = loop.submit(() -> "never").toCompletableFuture();
        ExecutionException failed = assertThrows(ExecutionException.class, () -> submitted.get(1, TimeUnit.SECONDS));
        assertInstanceOf(RejectedExecutionException.class, failed.getCause(), "submit's stage fails, it does not throw");
        CompletableFuture<Void> slept = loop.sleep(Duration.ofMillis(1)).toCompletableFuture();
        assertTrue(slept.isCompletedExceptionally(), "a timer counts toward the bound too");
        assertEquals(3, loop.rejections());
        release.countDown();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> loop.queued() == 0);
        assertEquals("again", loop.submit(() -> "again").toCompletableFuture().get(5, TimeUnit.SECONDS), "room again");
    }

    @Test
    void aCancelledTimerFreesItsPlaceAtOnce() throws Exception {
        loop = new ManagedEventLoop(1, ContextCapture.CLASS_LOADER_ONLY, Duration.ZERO, 2);
        ScheduledFuture<?> first = loop.schedule(() -> { }, Duration.ofMinutes(5));
        loop.schedule(() -> { }, Duration.ofMinutes(5));
        assertThrows(RejectedExecutionException.class, () -> loop.schedule(() -> { }, Duration.ofMinutes(5)));
        assertTrue(first.cancel(true));
        assertEquals(1, loop.queued());
        loop.schedule(() -> { }, Duration.ofMinutes(5));
        assertEquals(2, loop.queued());
    }

    @Test
    void terminationCompletesOnceEveryLoopThreadHasEnded() throws Exception {
        loop = new ManagedEventLoop(2, ContextCapture.CLASS_LOADER_ONLY);
        Thread first = loop.submit(Thread::currentThread).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertFalse(loop.termination().toCompletableFuture().isDone());
        assertEquals(0, loop.shutdown(Duration.ofSeconds(5)));
        loop.termination().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertFalse(first.isAlive());
        assertTrue(loop.isTerminated(), "the second loop never started and is terminated too");
    }

    @Test
    void aShutdownPastItsTimeDropsWhatIsLeftAndReportsIt() throws Exception {
        loop = new ManagedEventLoop(1, ContextCapture.CLASS_LOADER_ONLY);
        CountDownLatch running = new CountDownLatch(1);
        loop.execute(() -> {
            running.countDown();
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            while (System.nanoTime() < end) {
                Thread.onSpinWait(); // deaf to interrupts for half a second
            }
        });
        assertTrue(running.await(5, TimeUnit.SECONDS));
        loop.execute(() -> { });
        loop.execute(() -> { });
        CompletableFuture<Void> sleeping = loop.sleep(Duration.ofMinutes(1)).toCompletableFuture();
        assertEquals(3, loop.shutdown(Duration.ofMillis(100)), "two tasks and one timer never ran");
        assertTrue(sleeping.isCompletedExceptionally(), "a dropped sleep fails its stage");
    }

    @Test
    void aContinuationRunsWithTheContextOfTheCodeThatRegisteredItNotTheCompletersOne() throws Exception {
        loop = new ManagedEventLoop(1, WHO_CAPTURE);
        CompletableFuture<String> seen = new CompletableFuture<>();
        CompletableFuture<Void> shared = new CompletableFuture<>();
        WHO.set("A");
        try {
            loop.adopt(shared).thenRun(() -> seen.complete(WHO.get() + " on " + Thread.currentThread().getName()));
        } finally {
            WHO.remove();
        }
        Thread completer = new Thread(() -> {
            WHO.set("B");
            shared.complete(null);
        });
        completer.start();
        completer.join();
        assertEquals("A on aio-loop-1", seen.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aContinuationOfALoopStageCompletedInAnotherContextStillSeesItsOwn() throws Exception {
        loop = new ManagedEventLoop(1, WHO_CAPTURE);
        CompletableFuture<String> seen = new CompletableFuture<>();
        WHO.set("A");
        CompletableFuture<String> gate;
        try {
            gate = loop.<String>newStage();
            gate.thenApply(value -> value + " seen by " + WHO.get()).thenAccept(seen::complete);
        } finally {
            WHO.remove();
        }
        WHO.set("B");
        try {
            loop.execute(() -> gate.complete("completed by " + WHO.get())); // B's loop task completes A's stage
        } finally {
            WHO.remove();
        }
        assertEquals("completed by B seen by A", seen.get(5, TimeUnit.SECONDS));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
