package io.aiojakarta.interceptors.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.ScopeException;
import io.aiojakarta.interceptors.MapperRegistration;
import io.aiojakarta.internal.cdi.AiojakartaExtension;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The mappers on plain CDI beans, without HTTP. */
@Timeout(30)
class MapperThreadsTest {

    @AfterEach
    void clearProperties() {
        System.clearProperty("aiojakarta.default-mapper");
    }

    private static WeldContainer start(Class<?>... beans) {
        return new Weld().disableDiscovery().addExtensions(new AiojakartaExtension(), new MapperRegistration())
                .addBeanClasses(beans).initialize();
    }

    @Test
    void eachMapperRunsTheBodyOnItsThread() throws Exception {
        try (WeldContainer container = start(Workers.class)) {
            Workers workers = container.select(Workers.class).get();
            assertTrue(workers.blocking().matches("aio-executor-\\d+"), workers.blocking());
            assertTrue(workers.greenlet().matches("aio-greenlet-\\d+"), workers.greenlet());
            assertEquals("aio-loop-1", workers.coroutine().toCompletableFuture().get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void blockingMapperCalledOnTheEventLoopThrowsScopeException() {
        try (WeldContainer container = start(Workers.class)) {
            Workers workers = container.select(Workers.class).get();
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> workers.coroutineCallingBlocking(workers).toCompletableFuture().get(5, TimeUnit.SECONDS));
            ScopeException scope = assertInstanceOf(ScopeException.class, failure.getCause());
            assertTrue(scope.getMessage().startsWith("AIOJ-0304: @AsyncView(EXECUTOR) method "
                    + "'io.aiojakarta.interceptors.threads.Workers#blocking()' called on event-loop thread 'aio-loop-1'"),
                    scope.getMessage());
        }
    }

    @Test
    void defaultMapperMapsEveryPathResourceWithoutAnnotations() {
        System.setProperty("aiojakarta.default-mapper", "EXECUTOR");
        try (WeldContainer container = start(LegacyResource.class)) {
            String thread = container.select(LegacyResource.class).get().get();
            assertTrue(thread.matches("aio-executor-\\d+"), thread);
        }
    }

    @Test
    void withoutDefaultMapperPathResourcesAreLeftAlone() {
        try (WeldContainer container = start(LegacyResource.class)) {
            assertEquals(Thread.currentThread().getName(), container.select(LegacyResource.class).get().get());
        }
    }

    @Test
    void missingInterceptorsJarFailsDeploymentNamingTheView() {
        Weld weld = new Weld().disableDiscovery().addExtension(new AiojakartaExtension()).addBeanClasses(Workers.class);
        DeploymentException failure = assertThrows(DeploymentException.class, weld::initialize);
        assertTrue(failure.getMessage().contains("AIOJ-0102: @AsyncView(EXECUTOR) on 'io.aiojakarta.interceptors.threads.Workers#"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("add the io.aiojakarta:aiojakarta-interceptors jar"), failure.getMessage());
    }
}
