package io.aiojakarta.internal.bridge;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.GreenletBridge;
import io.aiojakarta.ScopeException;
import io.aiojakarta.internal.AioRuntime;
import io.aiojakarta.internal.config.AiojakartaConfig;
import io.aiojakarta.internal.context.ContextCapture;
import io.aiojakarta.internal.loop.ContextualStage;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class GreenletBridgeTest {

    private AioRuntime runtime = AioRuntime.standalone(AiojakartaConfig.DEFAULTS, ContextCapture.CLASS_LOADER_ONLY);
    private GreenletBridge bridge = runtime.bridge();

    @AfterEach
    void stop() {
        runtime.shutdown();
    }

    private static <T> T get(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void seedDoctestPrintsItsSixLinesInOrder() throws Exception {
        List<String> out = new CopyOnWriteArrayList<>();
        Supplier<Void> someAsyncTask = bridge.synchronize(() -> {
            out.add("I am a synchronized coroutine.");
            return runtime.loop().sleep(Duration.ofMillis(200)).thenRun(() -> out.add("Synchronized task done."));
        });
        Runnable normalFunction = () -> {
            out.add("I am normal function that needs to call some_async_task");
            someAsyncTask.get();
            out.add("I (normal_function) called it, and it is done now like I expect.");
        };
        Supplier<CompletionStage<Void>> parent = () -> {
            out.add("I am a traditional coroutine that needs to call the naive normal_function");
            return bridge.spawnGreenlet(() -> {
                normalFunction.run();
                return null;
            }).thenRun(() -> out.add("All is done."));
        };

        get(runtime.loop().submit(parent::get).thenCompose(stage -> stage));

        assertEquals(List.of(
                "I am a traditional coroutine that needs to call the naive normal_function",
                "I am normal function that needs to call some_async_task",
                "I am a synchronized coroutine.",
                "Synchronized task done.",
                "I (normal_function) called it, and it is done now like I expect.",
                "All is done."), out);
    }

    @Test
    void awaitOnEventLoopThrowsScopeException() throws Exception {
        CompletableFuture<String> never = new CompletableFuture<>();
        Throwable thrown = get(runtime.loop().submit(() -> {
            try {
                bridge.await(never);
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        }));
        assertInstanceOf(ScopeException.class, thrown);
        assertTrue(thrown.getMessage().startsWith("AIOJ-0301"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("aio-loop-1"), thrown.getMessage());
    }

    @Test
    void synchronizedCoroutineOnEventLoopThrowsScopeExceptionEvenWhenNotStrict() throws Exception {
        Supplier<String> sync = bridge.synchronize(() -> CompletableFuture.completedFuture("x"), false);
        Object thrown = get(runtime.loop().<Object>submit(() -> {
            try {
                return sync.get();
            } catch (RuntimeException e) {
                return e;
            }
        }));
        assertInstanceOf(ScopeException.class, thrown);
    }

    @Test
    void strictAwaitOutsideGreenletThrowsScopeException() {
        ScopeException thrown = assertThrows(ScopeException.class,
                () -> bridge.await(CompletableFuture.completedFuture("x")));
        assertTrue(thrown.getMessage().startsWith("AIOJ-0302"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains(Thread.currentThread().getName()), thrown.getMessage());
    }

    @Test
    void strictAwaitOnAnyVirtualThreadParksInsteadOfThrowing() throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        Thread foreign = Thread.ofVirtual().name("server-request-1").start(() -> {
            try {
                outcome.complete(bridge.await(answer));
            } catch (RuntimeException failure) {
                outcome.complete(failure);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> foreign.getState() == Thread.State.WAITING);
        answer.complete("parked, then answered");
        assertEquals("parked, then answered", get(outcome));
    }

    @Test
    void strictSynchronizeOutsideGreenletThrowsBeforeTheCoroutineStarts() throws Exception {
        AtomicBoolean started = new AtomicBoolean();
        Supplier<String> sync = bridge.synchronize(() -> {
            started.set(true);
            return CompletableFuture.completedFuture("x");
        });
        assertThrows(ScopeException.class, sync::get);
        get(runtime.loop().submit(() -> null)); // anything submitted before has run by now
        assertFalse(started.get(), "the coroutine must not run when the caller may not wait for it");
    }

    @Test
    void nonStrictSynchronizeOnPlatformThreadBlocksAndReturnsTheValue() {
        Supplier<String> sync = bridge.synchronize(
                () -> runtime.loop().sleep(Duration.ofMillis(100)).thenApply(ignored -> "slept"), false);
        assertFalse(Thread.currentThread().isVirtual());
        assertEquals("slept", sync.get());
    }

    @Test
    void nonStrictConfigurationMakesAwaitBlockOnPlatformThreads() {
        runtime.shutdown();
        runtime = AioRuntime.standalone(new AiojakartaConfig(Optional.empty(), 1, 100, 4, 10, 10, 0, false, 1000, true, 100, 1000, 10),
                ContextCapture.CLASS_LOADER_ONLY);
        bridge = runtime.bridge();
        int value = bridge.await(runtime.loop().sleep(Duration.ofMillis(50)).thenApply(ignored -> 7));
        assertEquals(7, value);
    }

    @Test
    void whoeverAGreenletsStageWakesMayStartTheNextOneUnderABoundOfOne() throws Exception {
        runtime.shutdown();
        runtime = AioRuntime.standalone(new AiojakartaConfig(Optional.empty(), 1, 100, 4, 10, 1, 0, false, 1000, true, 100, 1000, 10),
                ContextCapture.CLASS_LOADER_ONLY);
        bridge = runtime.bridge();
        CountDownLatch registered = new CountDownLatch(1);
        ContextualStage<Integer> first = (ContextualStage<Integer>) bridge.spawnGreenlet(() -> {
            registered.await();
            return 1;
        });
        CompletableFuture<CompletionStage<Integer>> next = new CompletableFuture<>();
        // runs on the first greenlet as its stage completes: its place must be free by then
        first.whenCompleteInline(() -> {
            try {
                next.complete(bridge.spawnGreenlet(() -> 2));
            } catch (RuntimeException refused) {
                next.completeExceptionally(refused);
            }
        });
        registered.countDown();
        assertEquals(1, get(first));
        assertEquals(2, get(next.get(10, TimeUnit.SECONDS)));
        for (int i = 0; i < 1_000; i++) { // a waiter that spawns as soon as it wakes, as a loop of requests does
            int round = i;
            assertEquals(round, get(bridge.spawnGreenlet(() -> round)));
        }
    }

    @Test
    void awaitInsideGreenletReturnsTheValueAndRunsOnAGreenlet() throws Exception {
        String result = get(bridge.spawnGreenlet(() -> {
            assertTrue(bridge.inGreenlet());
            assertTrue(Thread.currentThread().isVirtual());
            String value = bridge.await(runtime.loop().sleep(Duration.ofMillis(50)).thenApply(ignored -> "value"));
            return value + "@" + Thread.currentThread().getName();
        }));
        assertTrue(result.matches("value@aio-greenlet-\\d+"), result);
        assertFalse(bridge.inGreenlet());
    }

    @Test
    void awaitRethrowsTheOriginalCheckedException() throws Exception {
        Throwable thrown = get(bridge.spawnGreenlet(() -> {
            try {
                bridge.await(CompletableFuture.failedFuture(new IOException("upstream down")));
                return null;
            } catch (Exception e) {
                return e;
            }
        }));
        assertInstanceOf(IOException.class, thrown);
        assertEquals("upstream down", thrown.getMessage());
    }

    @Test
    void awaitRethrowsTheCancellationItsStageWasCompletedWith() throws Exception {
        CancellationException reason = new CancellationException("the client left");
        Throwable thrown = get(bridge.spawnGreenlet(() -> {
            try {
                bridge.await(CompletableFuture.failedFuture(reason));
                return null;
            } catch (CancellationException e) {
                return e;
            }
        }));
        assertSame(reason, thrown, "the cancellation itself, not one the JDK made around it");
    }

    @Test
    void awaitRethrowsTheOriginalExceptionOfAStageFailedByAFunction() throws Exception {
        CompletionStage<String> failing = runtime.loop().sleep(Duration.ofMillis(10)).thenApply(ignored -> {
            throw new IllegalArgumentException("bad id");
        });
        Object thrown = get(bridge.<Object>spawnGreenlet(() -> {
            try {
                return bridge.await(failing);
            } catch (RuntimeException e) {
                return e;
            }
        }));
        assertEquals("bad id", assertInstanceOf(IllegalArgumentException.class, thrown, "not a CompletionException").getMessage());
    }

    @Test
    void spawnGreenletStageFailsWithTheTasksOwnExceptionOnTheLoop() throws Exception {
        IOException original = new IOException("no file");
        CountDownLatch registered = new CountDownLatch(1);
        CompletionStage<Object> stage = bridge.spawnGreenlet(() -> {
            registered.await();
            throw original;
        });
        CompletableFuture<String> thread = new CompletableFuture<>();
        stage.whenComplete((value, failure) -> thread.complete(Thread.currentThread().getName()));
        registered.countDown();
        // the dependent's thread first: a thread waiting on the stage itself may run its dependents
        assertEquals("aio-loop-1", get(thread));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> get(stage));
        assertSame(original, failed.getCause());
    }

    @Test
    void runInExecutorRunsOnTheExecutorAndCompletesOnTheLoop() throws Exception {
        CountDownLatch registered = new CountDownLatch(1);
        CompletionStage<String> stage = bridge.runInExecutor(() -> {
            registered.await();
            return Thread.currentThread().getName();
        });
        CompletionStage<String> where = stage.thenApply(name -> name + "->" + Thread.currentThread().getName());
        registered.countDown();
        assertTrue(get(where).matches("aio-executor-\\d+->aio-loop-1"), get(where));
    }

    @Test
    void cancellingASpawnedGreenletInterruptsIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        CompletableFuture<Object> stage = bridge.spawnGreenlet(() -> {
            started.countDown();
            try {
                bridge.await(new CompletableFuture<>());
            } catch (CancellationException e) {
                interrupted.complete(Thread.currentThread().isInterrupted());
            }
            return null;
        }).toCompletableFuture();
        assertTrue(started.await(5, TimeUnit.SECONDS));
        stage.cancel(true);
        assertTrue(interrupted.get(5, TimeUnit.SECONDS), "the greenlet saw the interrupt");
    }

    @Test
    void nullTasksAreRefusedWithAClearMessage() {
        NullPointerException thrown = assertThrows(NullPointerException.class, () -> bridge.spawnGreenlet(null));
        assertEquals("AIOJ-0303: GreenletBridge.spawnGreenlet(task) must not be null", thrown.getMessage());
        assertThrows(NullPointerException.class, () -> bridge.runInExecutor(null));
        assertThrows(NullPointerException.class, () -> bridge.await(null));
    }

    @Test
    void shutdownLeavesNoAiojakartaThreadNorGreenlet() throws Exception {
        get(bridge.spawnGreenlet(() -> bridge.await(runtime.loop().sleep(Duration.ofMillis(10)))));
        get(bridge.runInExecutor(() -> 1));
        CompletableFuture<Void> parked = bridge.<Void>spawnGreenlet(() -> {
            bridge.await(new CompletableFuture<Void>()); // never completes: only the shutdown ends it
            return null;
        }).toCompletableFuture();
        await().atMost(Duration.ofSeconds(5)).until(() -> !liveThreads("aio-greenlet-").isEmpty());
        runtime.shutdown();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertEquals(List.of(), liveThreads("aio-loop-", "aio-executor-", "aio-greenlet-", "aio-deadlines")));
        assertTrue(parked.isCompletedExceptionally(), "the parked greenlet was interrupted and its stage failed");
    }

    /** Live threads by name prefix, greenlets included (the JDK's JSON thread dump lists virtual threads). */
    private static List<String> liveThreads(String... prefixes) throws IOException {
        Path directory = Files.createTempDirectory("threads");
        Path dump = directory.resolve("dump.json");
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            List<String> live = new ArrayList<>();
            Matcher name = Pattern.compile("\"name\": \"([^\"]*)\"").matcher(Files.readString(dump));
            while (name.find()) {
                for (String prefix : prefixes) {
                    if (name.group(1).startsWith(prefix)) {
                        live.add(name.group(1));
                    }
                }
            }
            return live;
        } finally {
            Files.deleteIfExists(dump);
            Files.deleteIfExists(directory);
        }
    }
}
