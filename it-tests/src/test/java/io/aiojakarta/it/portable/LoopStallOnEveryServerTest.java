package io.aiojakarta.it.portable;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.faults.SlowResource;
import io.aiojakarta.embedded.support.Http;
import io.aiojakarta.it.support.Deployments;
import io.aiojakarta.it.support.Servers;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The loop watchdog reports a blocking call in a coroutine into the server's own log, naming the
 * culprit, and as a JFR event of the loop thread in the server's flight recorder.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoopStallOnEveryServerTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("stall", StallApplication.class, SlowResource.class, JfrWatchResource.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void aBlockingCallInACoroutineIsReportedInTheServerLogWithTheCulprit() throws Exception {
        Path log = Servers.logFile();
        long before = Files.size(log);
        try (Http http = Deployments.http(base)) {
            assertEquals(200, http.get("slow/stall").statusCode());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> appended(log, before).contains("AIOJ-0507"));
        String appended = appended(log, before);
        assertTrue(appended.contains("SlowResource.blockingLookup"), appended);
    }

    @Test
    void aBlockingCallInACoroutineIsRecordedAsAJfrEventOfTheLoopThread() {
        try (Http http = Deployments.http(base)) {
            assertEquals("watching", http.send(http.request("jfr/start").POST(HttpRequest.BodyPublishers.noBody()).build()).body());
            try {
                assertEquals(200, http.get("slow/stall").statusCode());
                await().atMost(Duration.ofSeconds(15)).until(() -> !http.get("jfr/seen").body().isEmpty());
                String[] event = http.get("jfr/seen").body().split(",")[0].split("\\|");
                assertTrue(event[0].startsWith("aio-loop-"), "the stalled thread: " + event[0]);
                assertTrue(Long.parseLong(event[1]) >= 100, "ran past the warning threshold: " + event[1] + " ms");
                assertEquals("true", event[2], "the culprit is on the recorded stack");
            } finally {
                http.send(http.request("jfr/stop").POST(HttpRequest.BodyPublishers.noBody()).build());
            }
        }
    }

    private static String appended(Path log, long from) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(log)) {
            channel.position(from);
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
