package io.aiojakarta.internal.loop;

import io.aiojakarta.internal.message.CapacityMessages;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import static io.aiojakarta.internal.message.RuntimeLogger.LOG;

/**
 * One single-thread event loop, in the manner of Netty's {@code SingleThreadEventExecutor}: a
 * thread of its own ({@code aio-loop-N}), a task queue, and a heap of timers that only the loop
 * thread touches.
 *
 * <p><b>States.</b> {@code NOT_STARTED} until the first task or timer starts the thread;
 * {@code STARTED}; {@code SHUTTING_DOWN}, where only the loop thread itself may still add tasks
 * and the loop stops once its queue is empty (timers not yet due are dropped); {@code TERMINATED},
 * when the thread has ended and {@link #termination()} has completed with the number of tasks and
 * timers that never ran.
 *
 * <p><b>Bound.</b> At most {@code capacity} tasks and armed timers at once. Past it, {@link #execute}
 * and {@link #schedule} throw {@link RejectedExecutionException} on the submitting thread, which
 * never blocks.
 *
 * <p><b>Waking.</b> A task queued from another thread wakes a sleeping loop; a timer armed from
 * another thread wakes it only when it is due before the deadline the loop sleeps until, since the
 * loop takes armed timers whenever it wakes, or when {@value #ARMED_BATCH} timers have been armed
 * from other threads since the loop last took them, so that timers armed and cancelled meanwhile
 * do not pile up in its queues. Under load, where an earlier timer is nearly always armed, a timer
 * armed from a greenlet rarely costs a wake-up of the loop.
 *
 * <p>Tasks run as given: callers wrap them with the context they must carry. A task that throws is
 * logged (AIOJ-0502) and the loop goes on. Thread-safe.
 */
final class Loop implements Executor {

    private static final int NOT_STARTED = 0;
    private static final int STARTED = 1;
    private static final int SHUTTING_DOWN = 2;
    private static final int TERMINATED = 3;
    /** How far ahead a sleep without a timer counts as lasting: any timer armed meanwhile is due before. */
    private static final long FOREVER = Long.MAX_VALUE / 2;
    /** How many timers armed from other threads wait at most for the loop to take them. */
    static final int ARMED_BATCH = 256;

    final String name;
    final ManagedEventLoop group;
    private final int capacity;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Queue<LoopTimer> armed = new ConcurrentLinkedQueue<>();
    private final Queue<LoopTimer> forgotten = new ConcurrentLinkedQueue<>();
    private final TimerHeap timers = new TimerHeap();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger state = new AtomicInteger(NOT_STARTED);
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private final LongAdder wakeUps = new LongAdder();
    private final AtomicInteger armedSinceTaken = new AtomicInteger();
    /** The deadline ({@link System#nanoTime()}) the loop sleeps until, written before {@link #sleeping}. */
    private volatile long sleepsUntil;
    private final AtomicLong timerSequence = new AtomicLong();
    private final LongAdder rejections;
    private final CompletableFuture<Integer> terminated = new CompletableFuture<>();
    private volatile LoopThread thread;
    private volatile long taskStart;
    private volatile boolean abandoned;

    Loop(String name, ManagedEventLoop group, int capacity, LongAdder rejections) {
        this.name = name;
        this.group = group;
        this.capacity = capacity;
        this.rejections = rejections;
    }

    /** The loop thread: knows its loop, so that {@code inEventLoop} is an identity check. */
    static final class LoopThread extends Thread {

        final Loop loop;

        LoopThread(Loop loop) {
            super(loop::runLoop, loop.name);
            this.loop = loop;
            setDaemon(true);
        }
    }

    /**
     * The loop whose thread is calling.
     *
     * @return the loop, or {@code null} off every loop thread
     */
    static Loop current() {
        return Thread.currentThread() instanceof LoopThread thread ? thread.loop : null;
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    Thread thread() {
        return thread;
    }

    /**
     * After {@link #termination()} completed (on the loop thread, in its last steps): waits for the
     * thread to have ended, so that "terminated" means no loop thread is left. Not on the loop thread.
     *
     * @param millis how long to wait at most
     */
    void joinThread(long millis) {
        Thread ending = thread;
        if (ending == null || ending == Thread.currentThread()) {
            return;
        }
        try {
            ending.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** When the running task started ({@link System#nanoTime()}), or 0 when idle. */
    long taskStart() {
        return taskStart;
    }

    /** How many times another thread has woken the loop from its sleep. */
    long wakeUps() {
        return wakeUps.sum();
    }

    /** Tasks queued and timers armed now. */
    int pending() {
        return pending.get();
    }

    boolean isShutdown() {
        return state.get() >= SHUTTING_DOWN;
    }

    boolean isTerminated() {
        return state.get() == TERMINATED;
    }

    CompletionStage<Integer> termination() {
        return terminated;
    }

    /**
     * Queues the task; runs it in order after the tasks queued before it.
     *
     * @throws RejectedExecutionException when the loop is stopping or its bound is reached
     */
    @Override
    public void execute(Runnable task) {
        admit();
        tasks.offer(task);
        if (state.get() == TERMINATED && tasks.remove(task)) {
            released();
            throw CapacityMessages.MESSAGES.shutDown("event loop");
        }
        wakeUp();
    }

    /** Arms a timer; from any thread. */
    LoopTimer schedule(Runnable task, long delayNanos, Runnable onDrop) {
        admit();
        LoopTimer timer = new LoopTimer(this, guarded(task), System.nanoTime() + Math.max(0, delayNanos),
                timerSequence.incrementAndGet(), onDrop);
        if (inLoop()) {
            timers.add(timer);
        } else {
            armed.offer(timer);
            if (state.get() == TERMINATED && armed.remove(timer)) {
                timer.drop();
                throw CapacityMessages.MESSAGES.shutDown("event loop");
            }
            if (timer.deadline - sleepsUntil < 0 || armedSinceTaken.incrementAndGet() >= ARMED_BATCH) {
                wakeUp();
            }
        }
        return timer;
    }

    /** Takes a place in the bound, starting the thread on first use. */
    private void admit() {
        if (!inLoop()) {
            int current = state.get();
            if (current == NOT_STARTED) {
                start();
            } else if (current >= SHUTTING_DOWN) {
                throw CapacityMessages.MESSAGES.shutDown("event loop");
            }
        }
        if (pending.incrementAndGet() > capacity) {
            pending.decrementAndGet();
            rejections.increment();
            throw CapacityMessages.MESSAGES.loopFull(name, capacity);
        }
    }

    /** A cancelled timer: the loop drops it from its heap on its next turn. */
    void forget(LoopTimer timer) {
        if (inLoop()) {
            timers.remove(timer);
        } else {
            forgotten.offer(timer);
        }
    }

    /** A task left the queue or a timer fired, was cancelled or dropped. */
    void released() {
        pending.decrementAndGet();
    }

    private void start() {
        if (state.compareAndSet(NOT_STARTED, STARTED)) {
            LoopThread created = new LoopThread(this);
            thread = created;
            created.start();
        }
    }

    private void wakeUp() {
        if (sleeping.get() && sleeping.compareAndSet(true, false)) {
            wakeUps.increment();
            LockSupport.unpark(thread);
        }
    }

    /**
     * Asks the loop to stop once its queue is empty; from any thread.
     *
     * @return {@code true} when the loop had started and is now stopping
     */
    boolean beginShutdown() {
        for (;;) {
            int current = state.get();
            if (current == NOT_STARTED) {
                if (state.compareAndSet(NOT_STARTED, TERMINATED)) {
                    terminated.complete(0);
                    return false;
                }
            } else if (current >= SHUTTING_DOWN) {
                return current == SHUTTING_DOWN;
            } else if (state.compareAndSet(STARTED, SHUTTING_DOWN)) {
                LockSupport.unpark(thread);
                return true;
            }
        }
    }

    /** Gives up on the queued tasks: the loop stops after the task it is running, interrupted. */
    void abandon() {
        abandoned = true;
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }

    private void runLoop() {
        try {
            while (!abandoned) {
                takeTimers();
                runDueTimers();
                Runnable task = tasks.poll();
                if (task != null) {
                    released();
                    run(task);
                    continue;
                }
                if (state.get() >= SHUTTING_DOWN) {
                    if (tasks.isEmpty()) {
                        break;
                    }
                    continue;
                }
                sleepUntilWoken();
            }
        } finally {
            state.set(TERMINATED);
            terminated.complete(dropEverything());
        }
    }

    private void sleepUntilWoken() {
        LoopTimer next = timers.peek();
        sleepsUntil = next == null ? System.nanoTime() + FOREVER : next.deadline;
        sleeping.set(true);
        if (!tasks.isEmpty() || !armed.isEmpty() || state.get() >= SHUTTING_DOWN || abandoned) {
            sleeping.set(false);
            return;
        }
        if (next == null) {
            LockSupport.park(this);
        } else {
            long wait = next.deadline - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
            }
        }
        sleeping.set(false);
        if (!abandoned) {
            Thread.interrupted(); // an interrupt left by a task must not end a later park at once
        }
    }

    private void takeTimers() {
        LoopTimer timer;
        while ((timer = forgotten.poll()) != null) {
            timers.remove(timer);
        }
        armedSinceTaken.set(0);
        while ((timer = armed.poll()) != null) {
            if (!timer.isCancelled()) {
                timers.add(timer);
            }
        }
    }

    private void runDueTimers() {
        long now = System.nanoTime();
        LoopTimer timer;
        while ((timer = timers.peek()) != null && timer.deadline - now <= 0) {
            timers.poll();
            timer.release();
            run(timer);
        }
    }

    private void run(Runnable task) {
        taskStart = Math.max(1, System.nanoTime());
        try {
            task.run();
        } catch (Throwable failure) {
            log(failure);
            if (failure instanceof Error error && !(failure instanceof AssertionError)) {
                throw error;
            }
        } finally {
            taskStart = 0;
        }
    }

    /** Wraps a timer's task so that an exception is logged rather than kept in the timer's future. */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | AssertionError failure) {
                log(failure);
            }
        };
    }

    private static void log(Throwable failure) {
        LOG.loopTaskFailed(failure);
    }

    /** On the loop thread as it ends: every task and timer left over is dropped and counted. */
    private int dropEverything() {
        int dropped = 0;
        Runnable task;
        while ((task = tasks.poll()) != null) {
            released();
            dropped++;
        }
        takeTimers();
        for (LoopTimer timer : timers.clear()) {
            if (!timer.isCancelled()) {
                timer.drop();
                dropped++;
            }
        }
        return dropped;
    }
}
