package io.aiojakarta.it.portable;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.faults.FaultsApplication;
import io.aiojakarta.embedded.faults.SlowResource;
import io.aiojakarta.embedded.support.Http;
import io.aiojakarta.it.support.Deployments;
import io.aiojakarta.it.support.Servers;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Clients that leave while their coroutine waits: the work of each is cancelled well before it
 * would have ended, on the servers that report a client that left an asynchronous request
 * ({@link Servers#DISCONNECT_DETECTION}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DisconnectOnEveryServerTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("gone", FaultsApplication.class, SlowResource.class);
    }

    @ArquillianResource
    URL base;

    private String counts(String prefix) {
        try (Http http = Deployments.http(base)) {
            return http.get("slow/counts?prefix=" + prefix).body();
        }
    }

    @Test
    @Tag(Servers.DISCONNECT_DETECTION)
    void clientsThatLeaveHaveTheirWorkCancelled() throws Exception {
        int clients = 5;
        String prefix = "gone-" + System.nanoTime() + "-";
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                Socket socket = new Socket(base.getHost(), base.getPort());
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + base.getPath() + "slow/long?id=" + prefix + i + " HTTP/1.1\r\nHost: "
                        + base.getHost() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
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
