package io.aiojakarta.it.portable;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aiojakarta.embedded.faults.FaultsApplication;
import io.aiojakarta.embedded.faults.SlowResource;
import io.aiojakarta.embedded.support.Http;
import io.aiojakarta.it.support.Deployments;
import io.aiojakarta.it.support.Servers;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Undeploying an application lets its in-flight requests finish, then leaves no thread of its own behind. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Timeout(240)
class DrainOnEveryServerTest {

    private static final String DRAINED = "drained-app";

    @Deployment(name = "probe", testable = false)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "probe.war").addClasses(ProbeApplication.class, ThreadNamesResource.class);
    }

    @Deployment(name = DRAINED, managed = false, testable = false)
    static WebArchive drained() {
        return Deployments.war(DRAINED, FaultsApplication.class, SlowResource.class);
    }

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    @OperateOnDeployment("probe")
    URL probe;

    private String aioThreads() {
        try (Http http = Deployments.http(probe)) {
            return http.get("threads?prefix=aio-").body();
        }
    }

    @Test
    @Tag(Servers.DRAIN_ON_UNDEPLOY)
    void inFlightRequestsCompleteOnUndeployAndNoThreadIsLeft() throws Exception {
        assertEquals("", aioThreads(), "no Aiojakarta thread before the application is deployed");
        deployer.deploy(DRAINED);
        URI app = URI.create(probe.toString().replace("/probe/", "/" + DRAINED + "/"));
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        try (Http http = new Http(app)) {
            for (int i = 0; i < 200; i++) {
                inFlight.add(http.sendAsync(http.request("slow/drain").build()));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> http.get("slow/counts?prefix=none").body().endsWith("draining=200"));
            deployer.undeploy(DRAINED); // while all 200 are in flight
            for (CompletableFuture<HttpResponse<String>> response : inFlight) {
                HttpResponse<String> answered = response.get(60, TimeUnit.SECONDS);
                assertEquals(200, answered.statusCode(), answered::body);
                assertEquals("drained", answered.body());
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("", aioThreads(), "Aiojakarta threads after undeploy"));
    }
}
