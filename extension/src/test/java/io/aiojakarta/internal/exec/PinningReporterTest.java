package io.aiojakarta.internal.exec;

import io.aiojakarta.internal.message.RuntimeLogger;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class PinningReporterTest {

    /** Blocking in a class initializer pins a virtual thread on every JDK. */
    static final class SlowToInitialize {
        static {
            try {
                TimeUnit.MILLISECONDS.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static void touch() {
        }
    }

    @Test
    void aPinnedGreenletIsReportedWithItsStack() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(RuntimeLogger.CATEGORY);
        Handler capture = new Handler() {
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
        logger.addHandler(capture);
        Greenlets greenlets = new Greenlets(10);
        try (PinningReporter reporter = PinningReporter.start(Duration.ofMillis(50)).orElseThrow()) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            greenlets.execute(() -> {
                SlowToInitialize.touch();
                done.complete(null);
            });
            done.get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(20)).until(() -> reporter.pinnings() >= 1);
            assertFalse(warnings.isEmpty(), "a counted pinning has been logged");
            String warning = warnings.get(0);
            assertTrue(warning.startsWith("AIOJ-0509: greenlet 'aio-greenlet-"), warning);
            assertTrue(warning.contains("SlowToInitialize"), warning);
        } finally {
            logger.removeHandler(capture);
            greenlets.shutdown(Duration.ofSeconds(5));
        }
    }
}
