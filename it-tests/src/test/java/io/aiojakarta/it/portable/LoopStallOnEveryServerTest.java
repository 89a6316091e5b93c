package io.aiojakarta.it.portable;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.faults.FaultsApplication;
import io.aiojakarta.embedded.faults.SlowResource;
import io.aiojakarta.embedded.support.Http;
import io.aiojakarta.it.support.Deployments;
import io.aiojakarta.it.support.Servers;
import java.io.IOException;
import java.net.URL;
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

/** The loop watchdog reports a blocking call in a coroutine into the server's own log, naming the culprit. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoopStallOnEveryServerTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("stall", FaultsApplication.class, SlowResource.class);
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

    private static String appended(Path log, long from) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(log)) {
            channel.position(from);
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
