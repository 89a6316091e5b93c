package io.aiojakarta.internal;

import io.aiojakarta.GreenletBridge;
import io.aiojakarta.internal.config.AiojakartaConfig;
import io.aiojakarta.internal.context.ContextCapture;
import io.aiojakarta.internal.context.StandardContextCapture;
import io.aiojakarta.internal.context.WeldRequestScope;
import io.aiojakarta.internal.exec.ExecutorHolder;
import io.aiojakarta.internal.exec.Greenlets;
import io.aiojakarta.internal.exec.PinningReporter;
import io.aiojakarta.internal.loop.ManagedEventLoop;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.management.ObjectName;

/**
 * Everything Aiojakarta runs on, for one CDI container: the configuration, the event loop, the
 * executor, the greenlets, the context capture and the bridge. Created by the extension once
 * deployment is valid, shut down with the container. Thread-safe.
 */
public final class AioRuntime {

    private final AiojakartaConfig config;
    private final ContextCapture contexts;
    private final ManagedEventLoop loop;
    private final ExecutorHolder executor;
    private final Greenlets greenlets;
    private final DefaultGreenletBridge bridge;
    private final RuntimeMetrics metrics = new RuntimeMetrics();
    private volatile RuntimeJmx jmx;
    private final Optional<PinningReporter> pinning;

    /**
     * Creates the runtime; threads start lazily with the first task.
     *
     * @param config the validated configuration
     * @param contexts captures a submitter's context for every hop
     * @param executor the executor for blocking bodies
     */
    public AioRuntime(AiojakartaConfig config, ContextCapture contexts, ExecutorHolder executor) {
        this.config = Objects.requireNonNull(config, "config");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.loop = new ManagedEventLoop(config.eventLoopThreads(), contexts,
                Duration.ofMillis(config.blockedWarningMillis()));
        this.greenlets = new Greenlets(config.greenletsMaxConcurrent());
        this.bridge = new DefaultGreenletBridge(this);
        this.pinning = config.blockedWarningMillis() > 0
                ? PinningReporter.start(Duration.ofMillis(config.blockedWarningMillis()))
                : Optional.empty();
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
     * Creates a runtime with its own bounded executor, outside any server or container.
     *
     * @param config the configuration
     * @param contexts the context capture
     * @return the runtime
     */
    public static AioRuntime standalone(AiojakartaConfig config, ContextCapture contexts) {
        return new AioRuntime(config, contexts,
                ExecutorHolder.bounded(config.executorMaxThreads(), config.executorQueueSize()));
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
     * The executor for blocking bodies.
     *
     * @return the executor
     */
    public Executor executor() {
        return executor.executor();
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
     * Exposes this runtime through JMX under {@code io.aiojakarta:type=Runtime,name=runtime-N}.
     *
     * @return the MBean's name, or empty when registration failed (logged)
     */
    public Optional<ObjectName> registerMBean() {
        jmx = RuntimeJmx.register(this);
        return Optional.ofNullable(jmx).map(RuntimeJmx::name);
    }

    /**
     * Stops greenlets, executor and loop, each given the configured shutdown time, and removes the
     * MBean. Idempotent.
     */
    public void shutdown() {
        RuntimeJmx registered = jmx;
        if (registered != null) {
            registered.unregister();
        }
        pinning.ifPresent(PinningReporter::close);
        Duration drain = Duration.ofMillis(config.shutdownTimeoutMillis());
        greenlets.shutdown(drain);
        executor.shutdown(drain);
        loop.shutdown(drain);
    }
}
