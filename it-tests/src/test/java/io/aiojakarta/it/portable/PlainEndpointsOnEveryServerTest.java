package io.aiojakarta.it.portable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.websocket.Client;
import io.aiojakarta.embedded.websocket.WebSocketApplication;
import io.aiojakarta.it.support.Deployments;
import io.aiojakarta.it.support.Servers;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.util.List;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Plain annotated WebSocket endpoints whose callbacks are mapped: a COROUTINE callback returning a
 * stage replies from the loop, in order; an EXECUTOR callback replies from the server's managed
 * executor ({@link Servers#STAGE_RETURNING_CALLBACKS}, {@link Servers#WEBSOCKET_READS}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag(Servers.STAGE_RETURNING_CALLBACKS)
@Tag(Servers.WEBSOCKET_READS)
class PlainEndpointsOnEveryServerTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("plain", WebSocketApplication.class, GreetingPlainEndpoint.class, GreetingBlockingEndpoint.class);
    }

    @ArquillianResource
    URL base;

    private URI ws(String path) {
        return URI.create(base.toString().replaceFirst("^http", "ws") + path);
    }

    @Test
    void mappedCallbacksRunOnTheLoopAndTheManagedExecutor() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            try (Client plain = new Client(http, ws("ws/greeting-plain"))) {
                assertEquals("ready", plain.next()); // see ConnectionsOnEveryServerTest
                List<String> sent = IntStream.range(0, 100).mapToObj(i -> "plain-" + i).toList();
                plain.sendAll(sent);
                for (String message : sent) {
                    assertEquals(message + "@aio-loop-1", plain.next());
                }
            }
            try (Client blocking = new Client(http, ws("ws/greeting-blocking"))) {
                assertEquals("ready", blocking.next());
                blocking.sendAll(List.of("one", "two"));
                for (String message : List.of("one", "two")) {
                    String reply = String.valueOf(blocking.next());
                    assertTrue(reply.startsWith(message + "@"), reply);
                    String thread = reply.substring(message.length() + 1);
                    assertFalse(thread.startsWith("aio-"), "an EXECUTOR callback runs on the server's managed executor: " + thread);
                }
            }
        }
    }
}
