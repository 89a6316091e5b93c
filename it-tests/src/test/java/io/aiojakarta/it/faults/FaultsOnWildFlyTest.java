package io.aiojakarta.it.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.faults.FaultsApplication;
import io.aiojakarta.embedded.faults.SlowResource;
import io.aiojakarta.embedded.support.Http;
import io.aiojakarta.it.support.Deployments;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Timeouts and client disconnects inside WildFly: the work of a request nobody waits for is
 * cancelled.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Timeout(180)
class FaultsOnWildFlyTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("faults", FaultsApplication.class, SlowResource.class);
    }

    @ArquillianResource
    URL base;

    private String counts(String prefix) {
        try (Http http = Deployments.http(base)) {
            return http.get("slow/counts?prefix=" + prefix).body();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"coroutine", "executor", "greenlet"})
    void timeoutAnswers503AndTheBodyObservesTheCancellation(String mapper) {
        String id = "timeout-" + mapper + "-" + System.nanoTime();
        try (Http http = Deployments.http(base)) {
            HttpResponse<String> response = http.get("slow/" + mapper + "?id=" + id);
            assertEquals(503, response.statusCode(), response::body);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> counts(id).contains("cancelled=1 "));
    }

    @Test
    void aHundredDisconnectingClientsCancelTheirWork() throws Exception {
        int clients = 100;
        String prefix = "gone-" + System.nanoTime() + "-";
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                Socket socket = new Socket(base.getHost(), base.getPort());
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + base.getPath() + "slow/long?id=" + prefix + i + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                sockets.add(socket);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> counts(prefix).startsWith("started=" + clients + " "));
        } finally {
            for (Socket socket : sockets) {
                socket.close(); // the client leaves while its 5 s coroutine waits
            }
        }
        // well before the 5 s the coroutines would otherwise take
        await().atMost(Duration.ofSeconds(4)).until(() -> counts(prefix).contains(" cancelled=" + clients + " "));
        assertTrue(counts(prefix).startsWith("started=" + clients + " "), counts(prefix));
    }
}
