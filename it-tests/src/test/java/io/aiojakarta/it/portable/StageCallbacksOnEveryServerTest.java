package io.aiojakarta.it.portable;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.websocket.PlainEndpoint;
import io.aiojakarta.embedded.websocket.WebSocketApplication;
import io.aiojakarta.it.support.Deployments;
import io.aiojakarta.it.support.Servers;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A plain endpoint whose mapped callback returns a stage deploys where the WebSocket container
 * takes such callbacks, and fails with AIOJ-0610, naming the callback and the fix, on GlassFish,
 * whose Tyrus refuses them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StageCallbacksOnEveryServerTest {

    private static final String NAME = "stage-callbacks";

    @Deployment(name = NAME, managed = false, testable = false)
    static WebArchive deployment() {
        return Deployments.war(NAME, WebSocketApplication.class, PlainEndpoint.class);
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void deploysOrFailsNamingTheCallbackAndTheFix() throws Exception {
        if (!Servers.current().equals("glassfish")) {
            deployer.deploy(NAME);
            deployer.undeploy(NAME);
            return;
        }
        Path log = Servers.logFile();
        long before = Files.size(log);
        assertThrows(Exception.class, () -> deployer.deploy(NAME));
        String appended = appended(log, before);
        assertTrue(appended.contains("AIOJ-0610") && appended.contains(PlainEndpoint.class.getName() + ".reply")
                && appended.contains("WebSocketConnection"), appended);
    }

    private static String appended(Path log, long from) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(log)) {
            channel.position(from);
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
