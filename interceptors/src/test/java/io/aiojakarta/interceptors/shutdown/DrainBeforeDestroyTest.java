package io.aiojakarta.interceptors.shutdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.interceptors.MapperRegistration;
import io.aiojakarta.internal.cdi.AiojakartaExtension;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Plain Weld SE, no servlet container: stopping the container drains the bodies in flight while the
 * application's beans are still alive.
 */
@Timeout(30)
class DrainBeforeDestroyTest {

    @Test
    void bodiesInFlightAtShutdownFinishBeforeApplicationScopedBeansAreDestroyed() throws Exception {
        Ledger.DESTROYED.set(false);
        LateWork.started = new CountDownLatch(3);
        WeldContainer container = new Weld().disableDiscovery()
                .addExtensions(new AiojakartaExtension(), new MapperRegistration())
                .addBeanClasses(Ledger.class, LateWork.class).initialize();
        LateWork work = container.select(LateWork.class).get();
        assertEquals("used while alive", container.select(Ledger.class).get().record(), "the instance exists");
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<String> coroutine = work.coroutine().toCompletableFuture();
            CompletableFuture<String> blocking = CompletableFuture.supplyAsync(() -> call(work::blocking), callers);
            CompletableFuture<String> greenlet = CompletableFuture.supplyAsync(() -> call(work::greenlet), callers);
            assertTrue(LateWork.started.await(10, TimeUnit.SECONDS), "all three bodies are running");
            container.shutdown();
            assertEquals("used while alive", coroutine.get(10, TimeUnit.SECONDS));
            assertEquals("used while alive", blocking.get(10, TimeUnit.SECONDS));
            assertEquals("used while alive", greenlet.get(10, TimeUnit.SECONDS));
        }
        assertTrue(Ledger.DESTROYED.get(), "the container did destroy the bean, afterwards");
    }

    private static String call(java.util.concurrent.Callable<String> body) {
        try {
            return body.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
