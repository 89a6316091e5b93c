package io.aiojakarta.it.portable;

import io.aiojakarta.embedded.interaction.Caller;
import io.aiojakarta.embedded.interaction.CallerFilter;
import io.aiojakarta.embedded.interaction.InnerWork;
import io.aiojakarta.embedded.interaction.InteractionApplication;
import io.aiojakarta.embedded.interaction.InteractionScenarios;
import io.aiojakarta.embedded.interaction.LongPollResource;
import io.aiojakarta.embedded.interaction.NestedResource;
import io.aiojakarta.embedded.interaction.ProbeResource;
import io.aiojakarta.embedded.interaction.QueuedResource;
import io.aiojakarta.it.support.Deployments;
import io.aiojakarta.it.support.Servers;
import java.net.URL;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The embedded server's interaction scenarios on whichever server the run targets, one event loop:
 * two requests sharing a future, mapped calls nested in mapped calls, and work settled while it
 * waits behind a stalled loop or past its timeout. The server's managed executor runs the blocking
 * bodies there, sized by the server and not by Aiojakarta's keys, so the scenario of an executor
 * body queued behind the only executor thread runs on the embedded server alone
 * ({@code QueuedWorkTest}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InteractionOnEveryServerTest {

    /** Every class the interaction scenarios deploy. */
    static WebArchive interactionWar(String name, String configuration) {
        return Deployments.war(name, InteractionApplication.class, LongPollResource.class, NestedResource.class,
                        QueuedResource.class, ProbeResource.class, CallerFilter.class, Caller.class, InnerWork.class)
                .addClass("io.aiojakarta.embedded.interaction.Mailbox")
                .addAsResource(new StringAsset(configuration), "META-INF/microprofile-config.properties");
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        // a stalled loop is the point of one scenario: no warning for it
        return interactionWar("interaction", "aiojakarta.event-loop.blocked-warning-millis=0\n");
    }

    @ArquillianResource
    URL base;

    /** The kind (name without its number) of the threads of the server's default managed executor. */
    private static String managedExecutorThreads() {
        return switch (Servers.current()) {
            case "glassfish" -> "concurrent/__defaultManagedExecutorService-ManagedThreadFactory-Thread";
            case "liberty" -> "Default Executor-thread";
            default -> "EE-ManagedExecutorService-default-Thread";
        };
    }

    /** The kind of a request's greenlet: Aiojakarta's, or on GlassFish the server's own virtual request thread. */
    private static String requestGreenlets() {
        return Servers.current().equals("glassfish") ? "http-listener-1" : "aio-greenlet";
    }

    static Stream<Arguments> nestedPairs() {
        return InteractionScenarios.nestedPairs(managedExecutorThreads(), requestGreenlets());
    }

    @Test
    void responseFiltersOfAWaitingRequestSeeItsOwnRequestScope() throws Exception {
        InteractionScenarios.runAgainst(base, InteractionScenarios::responseFiltersOfAWaitingRequestSeeItsOwnRequestScope);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.aiojakarta.embedded.interaction.InteractionScenarios#continuationKinds")
    void continuationRegisteredByAWaitingRequestRunsWithItsContext(String kind) throws Exception {
        InteractionScenarios.runAgainst(base,
                http -> InteractionScenarios.continuationRegisteredByAWaitingRequestRunsWithItsContext(http, kind));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nestedPairs")
    void nestedMappedCallRunsWithoutWaitingOnItsOwnPool(String pair, String expected) throws Exception {
        InteractionScenarios.runAgainst(base,
                http -> InteractionScenarios.nestedMappedCallRunsWithoutWaitingOnItsOwnPool(http, pair, expected));
    }

    @Test
    void concurrentNestedExecutorCallsAllComplete() throws Exception {
        String executorThreads = managedExecutorThreads();
        InteractionScenarios.runAgainst(base,
                http -> InteractionScenarios.concurrentNestedExecutorCallsAllComplete(http, executorThreads));
    }

    @Test
    void coroutineBodyStillQueuedAtItsTimeoutNeverRuns() throws Exception {
        InteractionScenarios.runAgainst(base, InteractionScenarios::coroutineBodyStillQueuedAtItsTimeoutNeverRuns);
    }

    @Test
    void aBodyRunningPastItsTimeoutKeepsItsRequestScopeUntilItEnds() throws Exception {
        InteractionScenarios.runAgainst(base, InteractionScenarios::aBodyRunningPastItsTimeoutKeepsItsRequestScopeUntilItEnds);
    }

    @Test
    void stageThatCannotBeViewedAsAFutureIsStillAnsweredAtItsTimeout() throws Exception {
        InteractionScenarios.runAgainst(base, InteractionScenarios::stageThatCannotBeViewedAsAFutureIsStillAnsweredAtItsTimeout);
    }

    @Test
    void suspendedCoroutineThatNeverResumesIsAnswered503AtItsTimeout() throws Exception {
        InteractionScenarios.runAgainst(base, InteractionScenarios::suspendedCoroutineThatNeverResumesIsAnswered503AtItsTimeout);
    }
}
