package io.aiojakarta.bench;

import io.aiojakarta.GreenletBridge;
import io.aiojakarta.internal.AioRuntime;
import io.aiojakarta.internal.config.AiojakartaConfig;
import io.aiojakarta.internal.context.ContextCapture;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P4: the cost of the bridge and of a loop hop, measured from a benchmark (platform) thread with a
 * non-strict bridge, without CDI.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BridgeBenchmark {

    /** Hops per invocation of {@link #loopHopSeenByGreenlet}. */
    static final int HOPS = 100;

    private AioRuntime runtime;
    private GreenletBridge bridge;
    private final CompletableFuture<Integer> completed = CompletableFuture.completedFuture(42);
    private ExecutorService platformThread;

    /** For JMH. */
    public BridgeBenchmark() {
    }

    /** Starts a runtime with a non-strict bridge, so that the benchmark thread may await. */
    @Setup
    public void start() {
        AiojakartaConfig defaults = AiojakartaConfig.DEFAULTS;
        runtime = AioRuntime.standalone(new AiojakartaConfig(Optional.empty(), 1, 0, defaults.executorMaxThreads(),
                defaults.executorQueueSize(), defaults.greenletsMaxConcurrent(), 0, false, 5_000, true,
                defaults.coroutinesMaxInFlight(), defaults.eventLoopMaxQueued(), defaults.webSocketMaxPendingMessages()),
                ContextCapture.CLASS_LOADER_ONLY);
        bridge = runtime.bridge();
        platformThread = Executors.newSingleThreadExecutor();
    }

    /** Stops the runtime. */
    @TearDown
    public void stop() {
        runtime.shutdown();
        platformThread.shutdownNow();
    }

    /**
     * {@code await} of a stage that is already complete.
     *
     * @return the value
     */
    @Benchmark
    public int awaitCompletedStage() {
        return bridge.await(completed);
    }

    /**
     * {@code spawnGreenlet} of a trivial task, waiting for its stage (completed on the loop).
     *
     * @return the value
     */
    @Benchmark
    public int spawnGreenletRoundTrip() {
        return bridge.spawnGreenlet(() -> 42).toCompletableFuture().join();
    }

    /**
     * The greenlet pool alone, for splitting {@link #spawnGreenletRoundTrip}: a trivial task started
     * on a greenlet of the runtime's pool (its bound, its books, its name), completing a plain future;
     * no bridge, no carried context, no cancellable stage.
     *
     * @return the value
     */
    @Benchmark
    public int greenletPoolRoundTrip() {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        runtime.greenlets().execute(() -> done.complete(42));
        return done.join();
    }

    /**
     * A hop onto the loop and back: {@code submit} of a trivial task, waiting for its completion.
     *
     * @return the value
     */
    @Benchmark
    public int loopHop() {
        return runtime.loop().submit(() -> 42).toCompletableFuture().join();
    }

    /**
     * Loop hops as a greenlet sees them: one greenlet {@code submit}s a trivial task and
     * {@code await}s it, {@value #HOPS} times in a row (the greenlet's start is shared by them).
     *
     * @return the sum of the values
     */
    @Benchmark
    @OperationsPerInvocation(HOPS)
    public int loopHopSeenByGreenlet() {
        return bridge.spawnGreenlet(() -> {
            int sum = 0;
            for (int i = 0; i < HOPS; i++) {
                sum += bridge.await(runtime.loop().submit(() -> 1));
            }
            return sum;
        }).toCompletableFuture().join();
    }

    /**
     * The JDK alone, for comparison with {@link #loopHop}: a trivial task handed to a single
     * platform thread, waiting for its completion. The floor a hop to any other thread has here.
     *
     * @return the value
     */
    @Benchmark
    public int jdkFloorPlatformHandOff() {
        return CompletableFuture.supplyAsync(() -> 42, platformThread).join();
    }

    /**
     * The JDK alone, for comparison with {@link #loopHopSeenByGreenlet}: one virtual thread hands a
     * trivial task to a single platform thread and waits for it, {@value #HOPS} times in a row (the
     * virtual thread's start is shared by them). A hop as a greenlet makes it, parking its virtual
     * thread instead of a platform one.
     *
     * @return the sum of the values
     */
    @Benchmark
    @OperationsPerInvocation(HOPS)
    public int jdkFloorVirtualThreadHandOff() {
        CompletableFuture<Integer> sum = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            int total = 0;
            for (int i = 0; i < HOPS; i++) {
                total += CompletableFuture.supplyAsync(() -> 1, platformThread).join();
            }
            sum.complete(total);
        });
        return sum.join();
    }

    /**
     * The JDK alone, for comparison with {@link #spawnGreenletRoundTrip}: a virtual thread started
     * for a trivial task, waiting for its completion.
     *
     * @return the value
     */
    @Benchmark
    public int jdkFloorVirtualThreadRoundTrip() {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> done.complete(42));
        return done.join();
    }

    /**
     * The JDK alone, with threads that never park: a trivial task handed to a platform thread that
     * spins waiting for work, the caller spinning for the answer. What a hop costs when neither side
     * has to be woken, paid for with two cores kept busy for as long as the threads wait.
     *
     * @param spinner the spinning thread, started for this benchmark alone
     * @return the value
     */
    @Benchmark
    public long jdkSpinningHandOff(SpinningThread spinner) {
        return spinner.handOff();
    }

    /**
     * A platform thread that busy-waits for hand-offs instead of parking. Started only for the
     * benchmark that uses it, so that it burns no CPU while the others run.
     */
    @State(Scope.Benchmark)
    public static class SpinningThread {

        private final AtomicLong asked = new AtomicLong();
        private final AtomicLong answered = new AtomicLong();
        private volatile boolean running;
        private Thread thread;

        /** For JMH. */
        public SpinningThread() {
        }

        /** Starts the spinning thread. */
        @Setup
        public void start() {
            running = true;
            thread = Thread.ofPlatform().daemon().name("bench-spinner").start(() -> {
                long seen = 0;
                while (running) {
                    long next = asked.get();
                    if (next != seen) {
                        seen = next;
                        answered.set(next); // the trivial task: answer with the request's number
                    } else {
                        Thread.onSpinWait();
                    }
                }
            });
        }

        /** Stops the spinning thread. */
        @TearDown
        public void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long handOff() {
            long request = asked.incrementAndGet();
            long answer;
            while ((answer = answered.get()) != request) {
                Thread.onSpinWait();
            }
            return answer;
        }
    }
}
