package io.aiojakarta.internal.cdi;

import io.aiojakarta.AsyncView;
import io.aiojakarta.EventLoop;
import io.aiojakarta.GreenletBridge;
import io.aiojakarta.RuntimeStatus;
import io.aiojakarta.Mapper;
import io.aiojakarta.internal.AioRuntime;
import io.aiojakarta.internal.config.AiojakartaConfig;
import io.aiojakarta.internal.config.ConfigSource;
import io.aiojakarta.internal.context.RequestScopeTracker;
import io.aiojakarta.internal.context.ServerContext;
import io.aiojakarta.internal.context.StandardContextCapture;
import io.aiojakarta.internal.context.WeldRequestScope;
import io.aiojakarta.internal.dispatch.ViewPlan;
import io.aiojakarta.internal.dispatch.ViewPlans;
import io.aiojakarta.internal.exec.ExecutorHolder;
import io.aiojakarta.internal.message.DeploymentMessages;
import io.aiojakarta.spi.WebSocketConnections;
import io.aiojakarta.spi.ViewDispatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InterceptionType;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Modifier;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Aiojakarta's CDI portable extension: reads and validates the configuration, maps every
 * {@code @AsyncView} bean (and with {@code aiojakarta.default-mapper} every {@code @Path} resource),
 * validates the mapped methods at deployment and makes each one's {@link ViewPlan}, checks that the
 * mappers' interceptors are present, and owns the {@link AioRuntime}: created once deployment is
 * valid, drained and stopped before CDI destroys the application's beans.
 *
 * <p>Registered in {@code META-INF/services}; works without {@code beans.xml}. Observers never throw:
 * mistakes become definition errors (per method) or deployment problems (configuration, missing
 * interceptors), each message naming the culprit.
 */
public final class AiojakartaExtension implements Extension {

    private AiojakartaConfig.Result configuration;
    private ViewPlans plans;
    private final Map<Mapper, String> mapperUsers = new EnumMap<>(Mapper.class);
    private volatile AioRuntime runtime;

    /** For the service loader. */
    public AiojakartaExtension() {
    }

    void readConfiguration(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        configuration = AiojakartaConfig.read(ConfigSource.standard());
        plans = new ViewPlans(configuration.config().timeoutMillis());
        if (WeldRequestScope.isWeld(beanManager)) { // the only container whose request scope can be carried
            event.addAnnotatedType(beanManager.createAnnotatedType(RequestScopeTracker.class),
                    RequestScopeTracker.class.getName());
        }
    }

    <T> void applyDefaultMapper(@Observes @WithAnnotations(Path.class) ProcessAnnotatedType<T> event) {
        Optional<Mapper> mapper = configuration.config().defaultMapper();
        AnnotatedType<T> type = event.getAnnotatedType();
        Class<T> javaClass = type.getJavaClass();
        if (mapper.isEmpty() || javaClass.isInterface() || Modifier.isAbstract(javaClass.getModifiers())
                || !type.isAnnotationPresent(Path.class) || type.isAnnotationPresent(AsyncView.class)) {
            return;
        }
        event.configureAnnotatedType().add(AsyncView.Literal.of(mapper.get()));
    }

    <T> void planViews(@Observes ProcessManagedBean<T> event) {
        AnnotatedType<T> type = event.getAnnotatedBeanClass();
        if (type.isAnnotationPresent(Interceptor.class)) {
            return; // the mappers themselves carry the binding
        }
        AsyncView onClass = type.getAnnotation(AsyncView.class);
        for (AnnotatedMethod<? super T> method : type.getMethods()) {
            AsyncView view = method.isAnnotationPresent(AsyncView.class) ? method.getAnnotation(AsyncView.class) : onClass;
            if (view == null || !ViewPlans.intercepted(method.getJavaMember())) {
                continue;
            }
            ViewPlan plan = plans.plan(method.getJavaMember(), view);
            mapperUsers.putIfAbsent(view.value(), plan.name());
            if (view.value() == Mapper.COROUTINE && !plan.coroutine()) {
                event.addDefinitionError(DeploymentMessages.MESSAGES.coroutineNeedsStage(plan.name(),
                        method.getJavaMember().getGenericReturnType().getTypeName().replace("java.lang.", "")));
            }
            if (plan.asynchronous()) {
                event.addDefinitionError(DeploymentMessages.MESSAGES.conflictingAsynchronous(plan.name()));
            }
            if (plan.webSocketCallback() && plan.returns() == ViewPlan.Returns.STAGE && plan.sessionIndex() < 0) {
                event.addDefinitionError(DeploymentMessages.MESSAGES.webSocketStageNeedsSession(plan.name()));
            }
        }
    }

    void registerRuntimeBeans(@Observes AfterBeanDiscovery event) {
        addBean(event, AioRuntime.class, Singleton.class, () -> runtime());
        addBean(event, EventLoop.class, ApplicationScoped.class, () -> runtime().loop());
        addBean(event, GreenletBridge.class, ApplicationScoped.class, () -> runtime().bridge());
        addBean(event, RuntimeStatus.class, ApplicationScoped.class, () -> runtime().status());
        addBean(event, ViewDispatcher.class, ApplicationScoped.class, () -> runtime().dispatcher());
        addBean(event, WebSocketConnections.class, ApplicationScoped.class, () -> runtime().webSocketConnections());
    }

    /** A bean of one type, made from the runtime when first used. */
    private static <T> void addBean(AfterBeanDiscovery event, Class<T> type, Class<? extends Annotation> scope,
            Supplier<? extends T> instance) {
        event.addBean()
                .beanClass(type)
                .types(type, Object.class)
                .qualifiers(Default.Literal.INSTANCE)
                .scope(scope)
                .createWith(creational -> instance.get());
    }

    void startRuntime(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        configuration.problems().forEach(event::addDeploymentProblem);
        mapperUsers.forEach((mapper, user) -> {
            if (beanManager.resolveInterceptors(InterceptionType.AROUND_INVOKE, AsyncView.Literal.of(mapper)).isEmpty()) {
                event.addDeploymentProblem(DeploymentMessages.MESSAGES.mapperMissing(mapper.name(), user));
            }
        });
        if (!configuration.valid()) {
            return;
        }
        Optional<WeldRequestScope> requestScope = WeldRequestScope.of(beanManager);
        AiojakartaConfig config = configuration.config();
        runtime = new AioRuntime(config, new StandardContextCapture(requestScope, ServerContext.lookup()),
                ExecutorHolder.create(config.executorMaxThreads(), config.executorQueueSize()), plans);
        runtime.registerMBean();
        runtime.publishMetrics(beanManager);
    }

    /**
     * Drains and stops the runtime while the application's beans are still alive: Weld destroys the
     * application context before {@code BeforeShutdown}, on every integration (embedded, servlet,
     * Weld SE, application servers).
     */
    void drainBeforeTheApplicationIsDestroyed(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        stop();
    }

    /** Stops a runtime the container shuts down without destroying its application context first. */
    void stopRuntime(@Observes BeforeShutdown event) {
        stop();
    }

    private void stop() {
        AioRuntime started = runtime;
        if (started != null) {
            started.shutdown();
        }
    }


    /**
     * The runtime of this container.
     *
     * @return the runtime
     * @throws IllegalStateException before deployment validation has completed
     */
    public AioRuntime runtime() {
        AioRuntime started = runtime;
        if (started == null) {
            throw DeploymentMessages.MESSAGES.runtimeNotStarted();
        }
        return started;
    }
}
