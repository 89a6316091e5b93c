package io.aiojakarta.example.browser;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.example.StarterApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The starter page's runtime panel in real headless Chromium ({@link Browsers}): the figures go live,
 * and the load button fires 1,000 concurrent requests at the coroutine endpoint and at the blocking
 * one, and shows each run's latency distribution and the threads that answered. Screenshot:
 * {@code target/browser/runtime-panel.png}.
 */
@Timeout(180)
class RuntimePanelBrowserTest {

    private static final Pattern THREADS = Pattern.compile("(\\d+) thread\\(s\\) made the answers");
    private static final Pattern REQUESTS = Pattern.compile("^(\\d+) requests at once");

    private static AioServer server;
    private static Browsers browsers;

    @BeforeAll
    static void start() throws IOException {
        browsers = Browsers.provisioned();
        server = AioServer.builder().application(StarterApplication.class).port(0).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String text(WebDriver browser, String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    @Test
    void thePanelShowsLiveFiguresAndTheLoadOfBothEndpoints() throws Exception {
        WebDriver browser = browsers.open(1100, 1400);
        try {
            browser.get(server.uri().toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> "live".equals(text(browser, "#runtime-status")));
            for (String figure : new String[] {"loopLagMillis", "greenletsAlive", "coroutinesInFlight", "executorQueued",
                    "executorActive", "timeouts", "rejections"}) {
                assertTrue(text(browser, "#fig-" + figure).matches("\\d+"), figure + " shows a number");
            }

            browser.findElement(By.id("fire")).click();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .until(() -> "done".equals(text(browser, "#fire-status")));

            Map<String, Integer> threads = Map.of("coroutine", threadsOf(browser, "coroutine"), "blocking",
                    threadsOf(browser, "blocking"));
            // the coroutine's answers are all made on the one event-loop thread; the blocking body's on
            // as many executor threads as run at once
            assertEquals(1, threads.get("coroutine"), "threads of the coroutine run");
            assertTrue(threads.get("blocking") > 10, "threads of the blocking run: " + threads.get("blocking"));
            assertTrue(browser.findElements(By.cssSelector("#run-coroutine svg rect")).size() >= 20, "a histogram is drawn");
            Path shot = Browsers.screenshot(browser, "runtime-panel.png");
            assertTrue(Files.size(shot) > 1000, "a real screenshot");
        } finally {
            browser.quit();
        }
    }

    private static int threadsOf(WebDriver browser, String target) {
        String summary = text(browser, "#run-" + target + " p");
        Matcher requests = REQUESTS.matcher(summary);
        assertTrue(requests.find(), summary);
        assertEquals("1000", requests.group(1), summary);
        assertTrue(!summary.contains("failed"), summary);
        Matcher threads = THREADS.matcher(summary);
        assertTrue(threads.find(), summary);
        return Integer.parseInt(threads.group(1));
    }
}
