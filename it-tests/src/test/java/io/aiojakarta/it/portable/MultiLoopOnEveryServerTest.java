package io.aiojakarta.it.portable;

import io.aiojakarta.embedded.interaction.InteractionScenarios;
import io.aiojakarta.it.support.Servers;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With two event loops on whichever server the run targets, a cancelled coroutine's stage is
 * cancelled on the loop its body ran on, with its request's context: by a timeout everywhere, by a
 * client that leaves where the server reports one ({@link Servers#DISCONNECT_DETECTION}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MultiLoopOnEveryServerTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return InteractionOnEveryServerTest.interactionWar("interaction-loops", "aiojakarta.event-loop.threads=2\n");
    }

    @ArquillianResource
    URL base;

    @RepeatedTest(3)
    void timeoutCancelsTheStageOnItsOwnLoopWithItsContext() throws Exception {
        InteractionScenarios.runAgainst(base, InteractionScenarios::timeoutCancelsTheStageOnItsOwnLoopWithItsContext);
    }

    @RepeatedTest(3)
    @Tag(Servers.DISCONNECT_DETECTION)
    void disconnectCancelsTheStageOnItsOwnLoopWithItsContext() throws Exception {
        InteractionScenarios.runAgainst(base, InteractionScenarios::disconnectCancelsTheStageOnItsOwnLoopWithItsContext);
    }
}
