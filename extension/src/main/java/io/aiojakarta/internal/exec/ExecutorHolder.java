package io.aiojakarta.internal.exec;

import io.aiojakarta.internal.message.CapacityMessages;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import static io.aiojakarta.internal.message.RuntimeLogger.LOG;

/**
 * Owns the executor that runs blocking bodies: the server's default {@code ManagedExecutorService}
 * when JNDI has one, else a bounded pool of platform threads named {@code aio-executor-N}. Shuts
 * down only a pool it created. Every task it runs is marked, so that a mapped call made from one of
 * its tasks can tell it already runs on this executor ({@link #runsCurrentThread()}) and run inline
 * instead of waiting on the pool it holds. Thread-safe.
 */
public final class ExecutorHolder implements Executor {

    private static final ThreadLocal<ExecutorHolder> RUNNING_ON = new ThreadLocal<>();

    /** Where Jakarta EE servers bind their default managed executor. */
    public static final String DEFAULT_MANAGED_EXECUTOR = "java:comp/DefaultManagedExecutorService";


    private static final LongAdder NO_COUNT = new LongAdder();

    private final ExecutorService executor;
    private final boolean owned;
    private final LongAdder rejections;

    private ExecutorHolder(ExecutorService executor, boolean owned, LongAdder rejections) {
        this.executor = executor;
        this.owned = owned;
        this.rejections = rejections;
    }

    /**
     * Uses the server's managed executor when there is one, else creates a bounded pool.
     *
     * @param maxThreads the pool's thread bound when one is created
     * @param queueSize the pool's queue bound when one is created; 0 hands tasks over directly
     * @return the holder
     */
    public static ExecutorHolder create(int maxThreads, int queueSize) {
        return lookupManaged()
                .map(managed -> new ExecutorHolder(managed, false, NO_COUNT))
                .orElseGet(() -> bounded(maxThreads, queueSize));
    }

    /**
     * Creates a bounded pool, ignoring any managed executor (for tests and the embedded server).
     *
     * @param maxThreads the pool's thread bound
     * @param queueSize the pool's queue bound; 0 hands tasks over directly
     * @return the holder, owning the pool
     */
    public static ExecutorHolder bounded(int maxThreads, int queueSize) {
        LongAdder rejections = new LongAdder();
        return new ExecutorHolder(boundedPool(maxThreads, queueSize, rejections), true, rejections);
    }

    private static Optional<ExecutorService> lookupManaged() {
        try {
            Object found = new InitialContext().lookup(DEFAULT_MANAGED_EXECUTOR);
            return found instanceof ExecutorService service ? Optional.of(service) : Optional.empty();
        } catch (NamingException | RuntimeException notInServer) {
            return Optional.empty();
        }
    }

    private static ThreadPoolExecutor boundedPool(int maxThreads, int queueSize, LongAdder rejections) {
        AtomicInteger counter = new AtomicInteger();
        BlockingQueue<Runnable> queue = queueSize == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueSize);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(maxThreads, maxThreads, 60, TimeUnit.SECONDS, queue,
                runnable -> {
                    Thread thread = new Thread(runnable, "aio-executor-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                (rejected, executor) -> {
                    rejections.increment();
                    throw executor.isShutdown()
                            ? CapacityMessages.MESSAGES.shutDown("executor")
                            : CapacityMessages.MESSAGES.executorFull(maxThreads, queueSize);
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * The executor itself, for what this holder does not cover.
     *
     * @return the managed executor or the owned pool
     */
    public ExecutorService executor() {
        return executor;
    }

    /**
     * Runs the task on the executor, marked as running there.
     *
     * @param task the task
     * @throws java.util.concurrent.RejectedExecutionException when the executor is saturated or shut down
     */
    @Override
    public void execute(Runnable task) {
        executor.execute(() -> {
            ExecutorHolder previous = RUNNING_ON.get();
            RUNNING_ON.set(this);
            try {
                task.run();
            } finally {
                RUNNING_ON.set(previous); // set, not removed: the pooled thread keeps its entry
            }
        });
    }

    /**
     * Tells whether the calling thread runs a task of this executor.
     *
     * @return {@code true} inside a task given to {@link #execute}
     */
    public boolean runsCurrentThread() {
        // executors run tasks on platform threads; asking a greenlet would give it a thread-local entry for nothing
        return !Thread.currentThread().isVirtual() && RUNNING_ON.get() == this;
    }

    /**
     * Counts the tasks the owned pool refused.
     *
     * @return the refusals so far; 0 for a managed executor, which counts its own
     */
    public long rejections() {
        return rejections.sum();
    }

    /**
     * Counts the tasks waiting in the owned pool's queue.
     *
     * @return the queue's length; 0 for a managed executor
     */
    public int queued() {
        return executor instanceof ThreadPoolExecutor pool ? pool.getQueue().size() : 0;
    }

    /**
     * Counts the owned pool's busy threads.
     *
     * @return the threads running a task; 0 for a managed executor
     */
    public int active() {
        return executor instanceof ThreadPoolExecutor pool ? pool.getActiveCount() : 0;
    }

    /**
     * Tells whether the executor is the server's managed one.
     *
     * @return {@code true} when found in JNDI
     */
    public boolean managed() {
        return !owned;
    }

    /**
     * Shuts the owned pool down: no new task, running ones get {@code timeout}, then are
     * interrupted. Leaves a managed executor alone. Restores the caller's interrupt flag.
     *
     * @param timeout how long running tasks may still run
     * @return the number of queued tasks dropped
     */
    public int shutdown(Duration timeout) {
        if (!owned) {
            return 0;
        }
        executor.shutdown();
        try {
            if (executor.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int dropped = executor.shutdownNow().size();
        LOG.executorStopped(dropped);
        return dropped;
    }
}
