package io.aiojakarta.internal.loop;

import io.aiojakarta.internal.message.RuntimeLogger;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.internal.context.ContextCapture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class LoopWatchdogTest {

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(RuntimeLogger.CATEGORY);
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(record.getMessage()); // formatted by the message logger
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private ManagedEventLoop loop;

    @BeforeEach
    void listen() {
        logger.addHandler(capture);
        loop = new ManagedEventLoop(1, ContextCapture.CLASS_LOADER_ONLY, Duration.ofMillis(50));
    }

    @AfterEach
    void stop() {
        logger.removeHandler(capture);
        loop.shutdown(Duration.ofSeconds(5));
    }

    private static void blockingLookup() {
        try {
            TimeUnit.MILLISECONDS.sleep(400); // the blocking call the watchdog must catch
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the task on the loop and returns the stall events it caused, once the first has come. */
    private List<RecordedEvent> stallEventsOf(java.util.concurrent.Callable<?> task) throws Exception {
        List<RecordedEvent> events = new CopyOnWriteArrayList<>();
        try (RecordingStream recording = new RecordingStream()) {
            recording.enable("io.aiojakarta.LoopStall");
            recording.onEvent("io.aiojakarta.LoopStall", events::add);
            recording.startAsync();
            loop.submit(task).toCompletableFuture().get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());
        }
        return events;
    }

    @Test
    void aBlockingTaskIsReportedOnceWithAStackNamingTheBlockingMethod() throws Exception {
        List<RecordedEvent> events = stallEventsOf(() -> {
            blockingLookup();
            return null;
        });
        assertEquals(1, warnings.size(), warnings::toString);
        String warning = warnings.get(0);
        assertTrue(warning.startsWith("AIOJ-0507: event-loop thread 'aio-loop-1' has been running one task for "), warning);
        assertTrue(warning.contains("LoopWatchdogTest.blockingLookup"), warning);
        assertEquals(1, loop.stalls());
        assertEquals("aio-loop-1", events.get(0).getString("loopThread"));
        assertTrue(events.get(0).getString("stack").contains("LoopWatchdogTest.blockingLookup"));
        assertTrue(!events.get(0).getBoolean("firstUse"), "a blocked loop is no first use");
    }

    @Test
    void loopLagShowsHowLongATaskWaitsBehindABlockedLoop() throws Exception {
        await().atMost(Duration.ofSeconds(5)).until(() -> loop.lagMillis() < 20); // idle: probes run at once
        CompletableFuture<Object> blocked = loop.submit(() -> {
            blockingLookup();
            return null;
        }).toCompletableFuture();
        await().atMost(Duration.ofSeconds(5)).until(() -> loop.lagMillis() >= 200);
        blocked.get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> loop.lagMillis() < 50); // recovered
    }

    /** Defines a fresh copy of one small class per instance, slowly, as a class loader reading a big jar would. */
    private static final class SlowFreshLoader extends ClassLoader {

        private static final String NAME = Marker.class.getName();

        SlowFreshLoader() {
            super(LoopWatchdogTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(NAME)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            try (var in = LoopWatchdogTest.class.getResourceAsStream("/" + NAME.replace('.', '/') + ".class")) {
                byte[] bytes = in.readAllBytes();
                TimeUnit.MILLISECONDS.sleep(20); // reading a class from a cold jar takes time
                return defineClass(name, bytes, 0, bytes.length);
            } catch (java.io.IOException | InterruptedException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }

    /** The class {@link SlowFreshLoader} defines again and again. */
    static final class Marker {
    }

    @Test
    void aTaskLoadingClassesIsReportedAsFirstUseAndNotCountedAsAStall() throws Exception {
        List<RecordedEvent> events = stallEventsOf(() -> {
            for (int i = 0; i < 20; i++) { // 400 ms of loading classes the first time
                Class.forName(Marker.class.getName(), true, new SlowFreshLoader());
            }
            return null;
        });
        assertEquals(1, warnings.size(), warnings::toString);
        String line = warnings.get(0);
        assertTrue(line.startsWith("AIOJ-0521: event-loop thread 'aio-loop-1' ran one task for "), line);
        assertTrue(line.contains("SlowFreshLoader"), line);
        assertEquals(0, loop.stalls(), "first use is not a stall");
        assertTrue(events.get(0).getBoolean("firstUse"));
    }

    @Test
    void shortTasksAreNotReported() throws Exception {
        for (int i = 0; i < 200; i++) {
            loop.submit(() -> null).toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        assertEquals(List.of(), warnings);
        assertEquals(0, loop.stalls());
    }
}
