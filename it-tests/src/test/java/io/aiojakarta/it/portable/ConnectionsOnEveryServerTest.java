package io.aiojakarta.it.portable;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * A {@code WebSocketConnection} greets its client, then echoes a thousand messages in order, from the
 * loop ({@link Servers#WEBSOCKET_READS}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag(Servers.WEBSOCKET_READS)
class ConnectionsOnEveryServerTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("connections", WebSocketApplication.class, GreetingEchoConnection.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void aThousandMessagesAreEchoedInOrderFromTheLoop() throws Exception {
        URI echo = URI.create(base.toString().replaceFirst("^http", "ws") + "ws/greeting-echo");
        try (HttpClient http = HttpClient.newHttpClient(); Client client = new Client(http, echo)) {
            // Open Liberty 26.0.0.5 can lose frames a client sends while it is still setting the
            // upgraded connection up (an NPE in its TCP channel, in its FFDC log): wait for the greeting
            assertEquals("ready", client.next());
            List<String> sent = IntStream.range(0, 1000).mapToObj(i -> "message-" + i).toList();
            client.sendAll(sent);
            for (String message : sent) {
                assertEquals(message + "@aio-loop-1", client.next());
            }
        }
    }
}
