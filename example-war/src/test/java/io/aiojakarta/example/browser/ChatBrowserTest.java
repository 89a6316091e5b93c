package io.aiojakarta.example.browser;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.AioServer;
import io.aiojakarta.example.StarterApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The chat page in real headless Chromium ({@link Browsers}): two users, each in a browser of their
 * own, open {@code /chat}; a message one of them types and sends appears for the other.
 */
@Timeout(180)
class ChatBrowserTest {

    private static final Duration CONNECT = Duration.ofSeconds(30);
    private static final Duration DELIVER = Duration.ofSeconds(10);

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

    private static String messages(WebDriver user) {
        return (String) Browsers.script(user,
                "return [...document.querySelectorAll('#messages li')].map(li => li.textContent).join('\\n')");
    }

    private static String status(WebDriver user) {
        return (String) Browsers.script(user, "return (document.getElementById('status') || {}).textContent || ''");
    }

    @Test
    void aMessageSentInOneBrowserAppearsInTheOther() throws Exception {
        WebDriver alice = browsers.open(900, 700);
        try {
            WebDriver bob = browsers.open(900, 700);
            try {
                for (WebDriver user : new WebDriver[] {alice, bob}) {
                    user.get(server.uri() + "chat");
                }
                for (WebDriver user : new WebDriver[] {alice, bob}) {
                    await().atMost(CONNECT).pollInterval(Duration.ofMillis(100)).until(() -> "connected".equals(status(user)));
                }
                await().atMost(DELIVER).until(() -> messages(alice).contains("(2 online)"));

                WebElement name = alice.findElement(By.id("name"));
                name.clear();
                name.sendKeys("alice");
                alice.findElement(By.id("text")).sendKeys("hello from the other window");
                alice.findElement(By.id("button")).click();

                await().atMost(DELIVER).pollInterval(Duration.ofMillis(100))
                        .until(() -> messages(bob).contains("alice: hello from the other window"));
                await().atMost(DELIVER).until(() -> messages(alice).contains("alice: hello from the other window"));
                Path received = Browsers.screenshot(bob, "chat-receiver.png");
                Browsers.screenshot(alice, "chat-sender.png");
                assertTrue(Files.size(received) > 1000, "a real screenshot");
            } finally {
                bob.quit();
            }
        } finally {
            alice.quit();
        }
    }
}
