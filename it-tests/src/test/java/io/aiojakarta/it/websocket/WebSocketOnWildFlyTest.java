package io.aiojakarta.it.websocket;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.websocket.BlockingEndpoint;
import io.aiojakarta.embedded.websocket.Client;
import io.aiojakarta.embedded.websocket.EchoConnection;
import io.aiojakarta.embedded.websocket.IgnoringSlowReplyConnection;
import io.aiojakarta.embedded.websocket.PlainEndpoint;
import io.aiojakarta.embedded.websocket.SlowReplyConnection;
import io.aiojakarta.it.support.Deployments;
import io.aiojakarta.embedded.support.Http;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The same WebSocket endpoints as embedded, deployed to WildFly, driven by a real client. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Timeout(180)
class WebSocketOnWildFlyTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("ws", WebSocketApplication.class, StatsResource.class, EchoConnection.class,
                SlowReplyConnection.class, IgnoringSlowReplyConnection.class, PlainEndpoint.class, BlockingEndpoint.class);
    }

    @ArquillianResource
    URL base;

    private URI ws(String path) {
        return URI.create(base.toString().replaceFirst("^http", "ws") + path);
    }

    private String stats() {
        try (Http http = Deployments.http(base)) {
            return http.get("api/stats").body();
        }
    }

    @Test
    void aThousandMessagesAreEchoedInOrderFromTheLoop() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient(); Client client = new Client(http, ws("ws/echo"))) {
            List<String> sent = IntStream.range(0, 1000).mapToObj(i -> "message-" + i).toList();
            client.sendAll(sent);
            for (String message : sent) {
                assertEquals(message + "@aio-loop-1", client.next());
            }
        }
    }

    @Test
    void twoHundredConcurrentConnectionsEachGetExactlyTheirOwnReplies() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            List<Client> clients = new ArrayList<>();
            try {
                List<CompletableFuture<Client>> opening = new ArrayList<>();
                for (int c = 0; c < 200; c++) {
                    opening.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            return new Client(http, ws("ws/echo"));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }));
                }
                for (CompletableFuture<Client> open : opening) {
                    clients.add(open.get(60, TimeUnit.SECONDS));
                }
                for (int m = 0; m < 10; m++) {
                    for (int c = 0; c < clients.size(); c++) {
                        clients.get(c).socket.sendText("c" + c + "-m" + m, true).join();
                    }
                }
                int wrong = 0;
                for (int c = 0; c < clients.size(); c++) {
                    for (int m = 0; m < 10; m++) {
                        if (!("c" + c + "-m" + m + "@aio-loop-1").equals(clients.get(c).next())) {
                            wrong++;
                        }
                    }
                }
                assertEquals(0, wrong, "replies that reached the wrong connection or came out of order");
            } finally {
                clients.forEach(Client::close);
            }
        }
    }

    @Test
    void closingMidStreamFailsTheNextSendAndLeaksNoSession() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            Client client = new Client(http, ws("ws/slow"));
            await().atMost(Duration.ofSeconds(10)).until(() -> stats().contains("open=1 "));
            client.socket.sendText("question", true).join();
            client.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> stats().contains("errors=1 "));
            assertTrue(stats().contains("error=WebSocketClosedException:AIOJ-0603"), stats());
            await().atMost(Duration.ofSeconds(10)).until(() -> stats().contains("open=0 "));

            Client ignoring = new Client(http, ws("ws/slow-ignoring"));
            ignoring.socket.sendText("question", true).join();
            ignoring.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> stats().contains("ignoringAttempted=1"));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> stats().contains("ignoringErrors=0 "));
        }
    }

    @Test
    void mappedCallbacksRunOnTheLoopAndTheManagedExecutor() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            try (Client plain = new Client(http, ws("ws/plain"))) {
                List<String> sent = IntStream.range(0, 100).mapToObj(i -> "plain-" + i).toList();
                plain.sendAll(sent);
                for (String message : sent) {
                    assertEquals(message + "@aio-loop-1", plain.next());
                }
            }
            try (Client blocking = new Client(http, ws("ws/blocking"))) {
                blocking.sendAll(List.of("one", "two"));
                assertEquals("one@EE-ManagedExecutorService-default-Thread", blocking.next());
                assertEquals("two@EE-ManagedExecutorService-default-Thread", blocking.next());
            }
        }
    }
}
