package io.aiojakarta.example.browser;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.example.StarterApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat page in a real headless Chromium: two browser contexts open {@code /chat}; a message
 * typed and sent in one appears in the other. Screenshots go to {@code target/browser/}.
 */
@Timeout(180)
class ChatBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "browser");

    private static AioServer server;

    @BeforeAll
    static void start() {
        server = AioServer.builder().application(StarterApplication.class).port(0).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Path chromium() throws Exception {
        Path recorded = Path.of("target", "chromium.path");
        assertTrue(Files.exists(recorded), "the build records the Chromium it provisioned in " + recorded);
        Path executable = Path.of(Files.readString(recorded).strip());
        assertTrue(Files.isExecutable(executable), recorded + " names no executable: " + executable);
        return executable;
    }

    private static String messages(Chromium.Page page) throws Exception {
        return page.evaluate("[...document.querySelectorAll('#messages li')].map(li => li.textContent).join('\\n')");
    }

    @Test
    void aMessageSentInOneBrowserAppearsInTheOther(@TempDir Path profile) throws Exception {
        try (Chromium chromium = Chromium.start(chromium(), profile)) {
            Chromium.Page alice = chromium.open(server.uri() + "chat");
            Chromium.Page bob = chromium.open(server.uri() + "chat");
            for (Chromium.Page page : new Chromium.Page[] {alice, bob}) {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                        .until(() -> "connected".equals(page.evaluate("(document.getElementById('status') || {}).textContent || ''")));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> messages(alice).contains("(2 online)"));

            alice.evaluate("""
                    document.getElementById('name').value = 'alice';
                    document.getElementById('text').value = 'hello from the other window';
                    document.getElementById('button').click();
                    true""");

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> messages(bob).contains("alice: hello from the other window"));
            await().atMost(Duration.ofSeconds(10)).until(() -> messages(alice).contains("alice: hello from the other window"));
            bob.screenshot(SCREENSHOTS.resolve("chat-receiver.png"));
            alice.screenshot(SCREENSHOTS.resolve("chat-sender.png"));
            assertTrue(Files.size(SCREENSHOTS.resolve("chat-receiver.png")) > 1000, "a real screenshot");
        }
    }
}
