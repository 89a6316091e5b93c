package io.aiojakarta.internal;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import static io.aiojakarta.internal.message.RuntimeLogger.LOG;

/**
 * Registers a runtime's {@link AioRuntimeMXBean} with the platform MBean server, and removes it.
 * Thread-safe.
 */
final class RuntimeJmx implements AioRuntimeMXBean {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final AioRuntime runtime;
    private final ObjectName name;

    private RuntimeJmx(AioRuntime runtime, ObjectName name) {
        this.runtime = runtime;
        this.name = name;
    }

    /**
     * The runtime's figures as the MBean reads them, without registering anything: for other
     * publishers ({@link OpenTelemetryMetrics}), so that every channel reports the same values.
     *
     * @param runtime the runtime
     * @return a live view
     */
    static AioRuntimeMXBean figuresOf(AioRuntime runtime) {
        return new RuntimeJmx(runtime, null);
    }

    /**
     * Registers the runtime's MBean under the first free {@code name=runtime-N}: each application
     * of a server carries its own copy of this class, so the MBean server decides what is free.
     * The {@code app} key names the application's class loader where it has a name (inside
     * WildFly, the deployment). A failure is logged, never fatal.
     */
    static RuntimeJmx register(AioRuntime runtime) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        String app = applicationKey();
        try {
            while (true) {
                ObjectName name = new ObjectName("io.aiojakarta:type=Runtime," + app + "name=runtime-" + COUNTER.incrementAndGet());
                RuntimeJmx bean = new RuntimeJmx(runtime, name);
                try {
                    server.registerMBean(bean, name);
                    return bean;
                } catch (InstanceAlreadyExistsException taken) {
                    // another application's runtime has this number: try the next
                }
            }
        } catch (JMException | RuntimeException e) {
            LOG.mbeanFailed("registered", e);
            return null;
        }
    }

    private static String applicationKey() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        String name = loader == null ? null : loader.getName();
        return name == null || name.equals("app") ? "" : "app=" + ObjectName.quote(name) + ",";
    }

    ObjectName name() {
        return name;
    }

    void unregister() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        } catch (JMException e) {
            LOG.mbeanFailed("unregistered", e);
        }
    }

    @Override
    public int getLoopQueuedTasks() {
        return runtime.loop().queued();
    }

    @Override
    public long getLoopLagMillis() {
        return runtime.loop().lagMillis();
    }

    @Override
    public long getLoopStalls() {
        return runtime.loop().stalls();
    }

    @Override
    public int getGreenletsAlive() {
        return runtime.greenlets().aliveCount();
    }

    @Override
    public long getGreenletPinnings() {
        return runtime.pinnings();
    }

    @Override
    public long getGreenletRejections() {
        return runtime.greenlets().rejections();
    }

    @Override
    public int getExecutorQueuedTasks() {
        return runtime.executorHolder().queued();
    }

    @Override
    public int getExecutorActiveThreads() {
        return runtime.executorHolder().active();
    }

    @Override
    public long getExecutorRejections() {
        return runtime.executorHolder().rejections();
    }

    @Override
    public boolean isManagedExecutor() {
        return runtime.executorHolder().managed();
    }

    @Override
    public long getTimeouts() {
        return runtime.metrics().timeouts();
    }

    @Override
    public long getCancellations() {
        return runtime.metrics().cancellations();
    }

    @Override
    public long getLoopRejections() {
        return runtime.loop().rejections();
    }

    @Override
    public int getInFlight() {
        return runtime.inFlight().size();
    }

    @Override
    public int getCoroutinesInFlight() {
        return runtime.inFlight().coroutines();
    }

    @Override
    public long getCoroutineRejections() {
        return runtime.inFlight().coroutineRejections();
    }
}
