package io.aiojakarta.internal;

import io.aiojakarta.GreenletBridge;
import io.aiojakarta.RuntimeStatus;
import io.aiojakarta.internal.config.AiojakartaConfig;
import io.aiojakarta.internal.context.ContextCapture;
import io.aiojakarta.internal.context.StandardContextCapture;
import io.aiojakarta.internal.context.WeldRequestScope;
import io.aiojakarta.internal.dispatch.InFlightWork;
import io.aiojakarta.internal.dispatch.PlannedDispatcher;
import io.aiojakarta.internal.dispatch.Workers;
import io.aiojakarta.internal.dispatch.ViewPlans;
import io.aiojakarta.internal.exec.ExecutorHolder;
import io.aiojakarta.internal.exec.Greenlets;
import io.aiojakarta.internal.exec.PinningReporter;
import io.aiojakarta.internal.loop.ManagedEventLoop;
import io.aiojakarta.internal.websocket.ConnectionQueues;
import io.aiojakarta.spi.WebSocketConnections;
import io.aiojakarta.spi.ViewDispatcher;
import jakarta.enterprise.inject.spi.BeanManager;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.ObjectName;
import static io.aiojakarta.internal.message.RuntimeLogger.LOG;

/**
 * Everything Aiojakarta runs on, for one CDI container: the configuration, the event loop, the
 * executor, the greenlets, the context capture, the bridge and the dispatcher. Created by the
 * extension once deployment is valid.
 *
 * <p><b>Lifecycle</b>, owned here alone: {@code RUNNING} → {@code DRAINING} (new work from outside
 * Aiojakarta's threads is refused; work in flight gets {@code aiojakarta.shutdown-timeout-millis} to
 * finish, then is cancelled and its callers answered 503) → {@code STOPPED} (greenlets, executor,
 * deadlines and loop stopped). {@link #shutdown()} runs this once, before CDI destroys the
 * application's beans; {@link #termination()} completes when it is over. Thread-safe.
 */
public final class AioRuntime {

    /** How long cancelled work gets to answer its callers before the threads are stopped. */
    private static final Duration CANCELLED_GRACE = Duration.ofSeconds(1);
    private static final int RUNNING = 0;
    private static final int DRAINING = 1;
    private static final int STOPPED = 2;

    private final AiojakartaConfig config;
    private final ContextCapture contexts;
    private final ManagedEventLoop loop;
    private final ExecutorHolder executor;
    private final Greenlets greenlets;
    private final DefaultGreenletBridge bridge;
    private final RuntimeMetrics metrics = new RuntimeMetrics();
    private final InFlightWork inFlight;
    private final ConnectionQueues webSocketConnections;
    private final PlannedDispatcher dispatcher;
    private final AtomicInteger state = new AtomicInteger(RUNNING);
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private volatile RuntimeJmx jmx;
    private volatile AutoCloseable metricsPublished;
    private final Optional<PinningReporter> pinning;

    /**
     * Creates the runtime; threads start lazily with the first task.
     *
     * @param config the validated configuration
     * @param contexts captures a submitter's context for every hop
     * @param executor the executor for blocking bodies
     * @param plans the plans of the mapped methods, made at deployment
     */
    public AioRuntime(AiojakartaConfig config, ContextCapture contexts, ExecutorHolder executor, ViewPlans plans) {
        this.config = Objects.requireNonNull(config, "config");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.loop = new ManagedEventLoop(config.eventLoopThreads(), contexts,
                Duration.ofMillis(config.blockedWarningMillis()), config.eventLoopMaxQueued());
        this.greenlets = new Greenlets(config.greenletsMaxConcurrent());
        this.bridge = new DefaultGreenletBridge(this);
        this.inFlight = new InFlightWork(config.coroutinesMaxInFlight());
        this.webSocketConnections = new ConnectionQueues(loop, config.webSocketMaxPendingMessages());
        this.dispatcher = new PlannedDispatcher(new Workers(loop, greenlets, executor, requestScope(), metrics,
                webSocketConnections, config.webSocketMaxPendingMessages()), Objects.requireNonNull(plans, "plans"), inFlight);
        this.pinning = config.blockedWarningMillis() > 0
                ? PinningReporter.start(Duration.ofMillis(config.blockedWarningMillis()))
                : Optional.empty();
    }

    /**
     * Creates a runtime with its own bounded executor, outside any server or container.
     *
     * @param config the configuration
     * @param contexts the context capture
     * @return the runtime
     */
    public static AioRuntime standalone(AiojakartaConfig config, ContextCapture contexts) {
        return new AioRuntime(config, contexts,
                ExecutorHolder.bounded(config.executorMaxThreads(), config.executorQueueSize()),
                new ViewPlans(config.timeoutMillis()));
    }

    /**
     * Counts the greenlet pinnings reported (JFR {@code jdk.VirtualThreadPinned}).
     *
     * @return the pinnings so far; 0 when reporting is off or unavailable
     */
    public long pinnings() {
        return pinning.map(PinningReporter::pinnings).orElse(0L);
    }

    /**
     * The configuration.
     *
     * @return the validated configuration
     */
    public AiojakartaConfig config() {
        return config;
    }

    /**
     * The context capture used by every hop.
     *
     * @return the capture
     */
    public ContextCapture contexts() {
        return contexts;
    }

    /**
     * The request-scope carrier, which ends requests and adopts hop instances.
     *
     * @return the carrier, or empty when the container is not Weld or there is no container
     */
    public Optional<WeldRequestScope> requestScope() {
        return contexts instanceof StandardContextCapture standard ? standard.requestScope() : Optional.empty();
    }

    /**
     * The event loop.
     *
     * @return the loop
     */
    public ManagedEventLoop loop() {
        return loop;
    }

    /**
     * The executor for blocking bodies, marking its tasks (see {@link ExecutorHolder#runsCurrentThread()}).
     *
     * @return the executor
     */
    public Executor executor() {
        return executor;
    }

    /**
     * The holder of the executor.
     *
     * @return the holder
     */
    public ExecutorHolder executorHolder() {
        return executor;
    }

    /**
     * The greenlet starter.
     *
     * @return the greenlets
     */
    public Greenlets greenlets() {
        return greenlets;
    }

    /**
     * The counters of this runtime.
     *
     * @return the metrics
     */
    public RuntimeMetrics metrics() {
        return metrics;
    }

    /**
     * The bridge.
     *
     * @return the bridge
     */
    public GreenletBridge bridge() {
        return bridge;
    }

    /**
     * The dispatcher the view mappers bind to.
     *
     * @return the dispatcher
     */
    public ViewDispatcher dispatcher() {
        return dispatcher;
    }

    /**
     * The hook queues and the close of WebSocket connections.
     *
     * @return the connections' support
     */
    public WebSocketConnections webSocketConnections() {
        return webSocketConnections;
    }

    /**
     * The mapped invocations not settled yet.
     *
     * @return the registry
     */
    public InFlightWork inFlight() {
        return inFlight;
    }

    /**
     * Exposes this runtime through JMX under {@code io.aiojakarta:type=Runtime,name=runtime-N} (plus an
     * {@code app} key inside an application server).
     *
     * @return the MBean's name, or empty when registration failed (logged)
     */
    public Optional<ObjectName> registerMBean() {
        jmx = RuntimeJmx.register(this);
        return Optional.ofNullable(jmx).map(RuntimeJmx::name);
    }

    /**
     * This runtime's figures for applications ({@code @Inject RuntimeStatus}): the values its MBean
     * reports.
     *
     * @return a live view
     */
    public RuntimeStatus status() {
        AioRuntimeMXBean figures = RuntimeJmx.figuresOf(this);
        return () -> new RuntimeStatus.Snapshot(figures.getLoopLagMillis(), figures.getLoopQueuedTasks(),
                figures.getLoopStalls(), figures.getLoopRejections(), figures.getGreenletsAlive(),
                figures.getGreenletRejections(), figures.getGreenletPinnings(), figures.getExecutorQueuedTasks(),
                figures.getExecutorActiveThreads(), figures.getExecutorRejections(), figures.getInFlight(),
                figures.getCoroutinesInFlight(), figures.getCoroutineRejections(), figures.getTimeouts(),
                figures.getCancellations());
    }

    /**
     * Publishes this runtime's figures as OpenTelemetry metrics where OpenTelemetry is present
     * ({@link OpenTelemetryMetrics}); call after {@link #registerMBean()}, whose name the points
     * carry. Does nothing without OpenTelemetry.
     *
     * @param beanManager finds the application's {@code OpenTelemetry} bean, if it has one
     */
    public void publishMetrics(BeanManager beanManager) {
        RuntimeJmx registered = jmx;
        String name = registered == null ? "runtime" : registered.name().getKeyProperty("name");
        metricsPublished = OpenTelemetryMetrics.publish(RuntimeJmx.figuresOf(this), name, beanManager).orElse(null);
    }

    /**
     * Tells whether the runtime has begun to stop.
     *
     * @return {@code true} once {@link #shutdown()} has started
     */
    public boolean stopping() {
        return state.get() != RUNNING;
    }

    /**
     * Cancels every mapped invocation still in flight at the end of a drain: their callers are
     * answered with a {@code RejectedExecutionException} (503 over HTTP); logged (AIOJ-0511) and
     * counted.
     *
     * @param drainTime the drain time that ran out, for the log
     * @return how many were cancelled
     */
    public int cancelRunning(Duration drainTime) {
        int cancelled = dispatcher.cancelAll();
        if (cancelled > 0) {
            LOG.invocationsCancelledAtShutdown(cancelled, drainTime.toMillis());
        }
        return cancelled;
    }

    /**
     * Stops the runtime once: refuses new work from outside, lets work in flight finish within the
     * configured shutdown time and cancels the rest, then stops greenlets, executor, deadlines and
     * loop and removes the MBean. Later calls wait for the first one to end.
     */
    public void shutdown() {
        if (!state.compareAndSet(RUNNING, DRAINING)) {
            terminated.join();
            return;
        }
        try {
            inFlight.close();
            Duration drain = Duration.ofMillis(config.shutdownTimeoutMillis());
            boolean idle;
            try {
                idle = inFlight.awaitIdle(drain);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                idle = false;
            }
            if (!idle) {
                cancelRunning(drain);
            }
            // what still runs now belongs to no invocation (a task a finished request spawned and
            // left behind) or was just cancelled: it gets a short grace, then is interrupted
            greenlets.shutdown(CANCELLED_GRACE);
            executor.shutdown(CANCELLED_GRACE);
            dispatcher.shutdown(CANCELLED_GRACE);
            loop.shutdown(CANCELLED_GRACE);
        } finally {
            RuntimeJmx registered = jmx;
            if (registered != null) {
                registered.unregister();
            }
            pinning.ifPresent(PinningReporter::close);
            stopPublishingMetrics();
            state.set(STOPPED);
            terminated.complete(null);
        }
    }

    /**
     * Completes once {@link #shutdown()} has stopped every thread of the runtime.
     *
     * @return the termination stage
     */
    public CompletionStage<Void> termination() {
        return terminated.minimalCompletionStage();
    }

    private void stopPublishingMetrics() {
        AutoCloseable published = metricsPublished;
        if (published != null) {
            try {
                published.close();
            } catch (Exception notStopped) {
                LOG.metricsFailed("removed", notStopped);
            }
        }
    }
}
