package io.aiojakarta.internal.loop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class LoopTimerWakeUpTest {

    private final Loop loop = new Loop("aio-loop-wake-test", null, 1_000, new LongAdder());

    @AfterEach
    void stop() {
        loop.beginShutdown();
        loop.joinThread(5_000);
    }

    @Test
    void aTimerArmedFromAnotherThreadWakesALoopSleepingWithoutTimers() throws Exception {
        loop.execute(() -> { });
        awaitParked(Thread.State.WAITING);
        long before = loop.wakeUps();

        CompletableFuture<Long> fired = arm(100);

        assertEquals(before + 1, loop.wakeUps());
        assertTrue(fired.get(5, TimeUnit.SECONDS) >= 100);
    }

    @Test
    void aTimerArmedFromAnotherThreadBeforeTheLoopsNextDeadlineWakesItAndFiresFirst() throws Exception {
        CompletableFuture<Long> late = arm(4_000);
        awaitParked(Thread.State.TIMED_WAITING);
        long before = loop.wakeUps();

        CompletableFuture<Long> early = arm(100);

        assertEquals(before + 1, loop.wakeUps());
        long earlyMillis = early.get(5, TimeUnit.SECONDS);
        assertTrue(earlyMillis >= 100 && earlyMillis < 3_000, "the early timer fired after " + earlyMillis + " ms");
        assertFalse(late.isDone(), "the late timer fired before its deadline");
    }

    @Test
    void aTimerArmedFromAnotherThreadBehindTheLoopsNextDeadlineLeavesItAsleepAndStillFires() throws Exception {
        CompletableFuture<Long> first = arm(600);
        awaitParked(Thread.State.TIMED_WAITING);
        long before = loop.wakeUps();

        CompletableFuture<Long> second = arm(900);

        assertEquals(before, loop.wakeUps(), "the loop was woken for a timer due after the one it sleeps until");
        assertTrue(first.get(5, TimeUnit.SECONDS) >= 600);
        assertTrue(second.get(5, TimeUnit.SECONDS) >= 900);
        assertTrue(second.join() >= first.join(), "the second timer fired before the first");
    }

    @Test
    void timersArmedInBulkBehindTheLoopsNextDeadlineWakeItOncePerBatchToTakeThem() throws Exception {
        CompletableFuture<Long> first = arm(600);
        awaitParked(Thread.State.TIMED_WAITING);
        long before = loop.wakeUps();
        List<CompletableFuture<Long>> later = new ArrayList<>();

        for (int i = 1; i < Loop.ARMED_BATCH; i++) {
            later.add(arm(900));
        }
        assertEquals(before, loop.wakeUps(), "woken before a batch of timers was armed");
        later.add(arm(900));
        assertEquals(before + 1, loop.wakeUps(), "not woken once a batch of timers was armed");

        assertTrue(first.get(5, TimeUnit.SECONDS) >= 600);
        for (CompletableFuture<Long> timer : later) {
            assertTrue(timer.get(5, TimeUnit.SECONDS) >= 900);
        }
    }

    /** Waits until the loop sleeps: without a timer ({@code WAITING}) or until its next one ({@code TIMED_WAITING}). */
    private void awaitParked(Thread.State state) {
        await().atMost(Duration.ofSeconds(5)).until(() -> loop.thread() != null && loop.thread().getState() == state);
    }

    /** Arms a timer from the test's thread; the future completes on the loop with the milliseconds since arming. */
    private CompletableFuture<Long> arm(long millis) {
        CompletableFuture<Long> fired = new CompletableFuture<>();
        long start = System.nanoTime();
        loop.schedule(() -> fired.complete(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)),
                TimeUnit.MILLISECONDS.toNanos(millis), null);
        return fired;
    }
}
