package io.aiojakarta.internal.loop;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import static io.aiojakarta.internal.message.RuntimeLogger.LOG;

/**
 * Watches the loop threads from a thread of its own ({@code aio-loop-watchdog}): a task that runs
 * longer than the threshold is reported once per stall, as a WARNING with the loop thread's stack
 * (which names the blocking method) and as a {@link LoopStallEvent} for JDK Flight Recorder.
 *
 * <p>A task that was loading or initialising classes when it was caught (the JVM loaded classes
 * while it ran, and the loop thread's stack is in a class loader or a static initialiser) is the
 * first use of some code on the loop, which later runs of the same code do not pay: it is reported
 * as one INFO line (AIOJ-0521) and an event marked {@code firstUse}, and is not counted as a stall.
 * Thread-safe.
 */
final class LoopWatchdog {


    private final List<Loop> loops;
    private final long thresholdNanos;
    private final ScheduledExecutorService timer;
    private final Map<Loop, Long> reported = new HashMap<>();
    private final AtomicLong stalls = new AtomicLong();
    private final Map<Loop, Long> probeSent = new HashMap<>();
    private volatile long lagNanos;
    private final ClassLoadingMXBean classLoading = ManagementFactory.getClassLoadingMXBean();
    /** Per loop: the task the watchdog last saw running, and the JVM's loaded-class count then. */
    private final Map<Loop, Sighting> sightings = new HashMap<>();

    private record Sighting(long taskStart, long loadedClasses) {
    }

    LoopWatchdog(List<Loop> loops, Duration threshold) {
        this.loops = loops;
        this.thresholdNanos = threshold.toNanos();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "aio-loop-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.timer = pool;
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(5), thresholdNanos / 4);
        timer.scheduleAtFixedRate(this::check, period, period, TimeUnit.NANOSECONDS);
    }

    long stalls() {
        return stalls.get();
    }

    /**
     * The loop lag: how late the last probe task started on the slowest loop, in milliseconds.
     */
    long lagMillis() {
        return TimeUnit.NANOSECONDS.toMillis(lagNanos);
    }

    /** Sends a probe to each idle-probe loop; a probe measures how long it waited for the loop. */
    private void probe(long now) {
        long worst = 0;
        for (Loop loop : loops) {
            Long sent = probeSent.get(loop);
            if (sent != null) {
                worst = Math.max(worst, now - sent); // still waiting: it is at least this late
                continue;
            }
            if (loop.isShutdown()) {
                continue;
            }
            probeSent.put(loop, now);
            try {
                loop.execute(() -> {
                    long waited = System.nanoTime() - now;
                    try {
                        timer.execute(() -> {
                            probeSent.remove(loop);
                            lagNanos = waited;
                        });
                    } catch (RejectedExecutionException watchdogStopped) {
                        // shutting down: nobody reads the lag any more
                    }
                });
            } catch (RuntimeException shutDown) {
                probeSent.remove(loop);
            }
        }
        if (worst > lagNanos) {
            lagNanos = worst;
        }
    }

    void stop() {
        timer.shutdownNow();
    }

    private void check() {
        long now = System.nanoTime();
        probe(now);
        for (Loop loop : loops) {
            long start = loop.taskStart();
            Thread thread = loop.thread();
            if (start == 0 || thread == null) {
                continue;
            }
            Sighting seen = sightings.get(loop);
            if (seen == null || seen.taskStart() != start) {
                seen = new Sighting(start, classLoading.getTotalLoadedClassCount());
                sightings.put(loop, seen);
            }
            if (now - start < thresholdNanos) {
                continue;
            }
            Long already = reported.get(loop);
            if (already != null && already == start) {
                continue; // this stall has been reported
            }
            StackTraceElement[] stack = thread.getStackTrace();
            if (loop.taskStart() != start) {
                continue; // the task ended meanwhile: the stack would be someone else's
            }
            reported.put(loop, start);
            long millis = TimeUnit.NANOSECONDS.toMillis(now - start);
            StringBuilder trace = new StringBuilder();
            for (StackTraceElement frame : stack) {
                trace.append("\n\tat ").append(frame);
            }
            long loaded = classLoading.getTotalLoadedClassCount() - seen.loadedClasses();
            if (loaded > 0 && loadingClasses(stack)) {
                LOG.loopFirstUse(loop.name, millis, loaded, top(stack, 8));
                commit(loop, millis, trace, true);
                continue;
            }
            stalls.incrementAndGet();
            LOG.loopStalled(loop.name, millis, TimeUnit.NANOSECONDS.toMillis(thresholdNanos), trace.toString());
            commit(loop, millis, trace, false);
        }
    }

    private static void commit(Loop loop, long millis, CharSequence trace, boolean firstUse) {
        LoopStallEvent event = new LoopStallEvent();
        if (event.isEnabled()) {
            event.loopThread = loop.name;
            event.runningMillis = millis;
            event.stack = trace.toString();
            event.firstUse = firstUse;
            event.commit();
        }
    }

    /** Whether the stack is inside a class loader, a class definition or a static initialiser. */
    static boolean loadingClasses(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String type = frame.getClassName();
            if (frame.getMethodName().equals("<clinit>") || type.equals("java.lang.ClassLoader")
                    || type.startsWith("jdk.internal.loader.") || type.equals("java.lang.Class")
                            && frame.getMethodName().startsWith("forName")) {
                return true;
            }
        }
        return false;
    }

    private static String top(StackTraceElement[] stack, int frames) {
        StringBuilder trace = new StringBuilder();
        for (int i = 0; i < Math.min(frames, stack.length); i++) {
            trace.append("\n\tat ").append(stack[i]);
        }
        return stack.length > frames ? trace.append("\n\t...").toString() : trace.toString();
    }
}
