package io.aiojakarta.it.portable;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aiojakarta.it.security.RequestId;
import io.aiojakarta.it.security.RequestIdFilter;
import io.aiojakarta.it.security.SecureApplication;
import io.aiojakarta.it.security.SecureResource;
import io.aiojakarta.it.security.StatsResource;
import io.aiojakarta.it.support.Deployments;
import io.aiojakarta.it.support.GlassFishUsers;
import io.aiojakarta.it.support.Servers;
import io.aiojakarta.embedded.support.Http;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real users of the server's application realm: authentication and roles act before any body runs,
 * and inside every mapper the principal (seen through Jakarta REST, the servlet request and the
 * server's own security identity) and the request-scoped state are the caller's own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Timeout(180)
class SecurityOnEveryServerTest {

    private static final String ALICE = Http.basic("alice", "alice-Secret-1"); // roles admin, user
    private static final String BOB = Http.basic("bob", "bob-Secret-1");       // role user

    private static final String WEB_XML = """
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.1">
              <context-param>
                <param-name>resteasy.role.based.security</param-name>
                <param-value>true</param-value>
              </context-param>
              <context-param>
                <!-- Jersey's counterpart (GlassFish) -->
                <param-name>jersey.config.server.provider.classnames</param-name>
                <param-value>org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature</param-value>
              </context-param>
              <security-constraint>
                <web-resource-collection>
                  <web-resource-name>secure</web-resource-name>
                  <url-pattern>/secure/*</url-pattern>
                </web-resource-collection>
                <auth-constraint><role-name>*</role-name></auth-constraint>
              </security-constraint>
              <login-config>
                <auth-method>BASIC</auth-method>
                <realm-name>ApplicationRealm</realm-name>
              </login-config>
              <security-role><role-name>admin</role-name></security-role>
              <security-role><role-name>user</role-name></security-role>
            </web-app>
            """;

    /** Open Liberty maps roles to the groups of its basic registry (src/test/liberty/server.xml) only when told. */
    private static final String LIBERTY_ROLES = """
            <application-bnd xmlns="http://websphere.ibm.com/xml/ns/javaee" version="1.2">
              <security-role name="admin"><group name="admin"/></security-role>
              <security-role name="user"><group name="user"/></security-role>
            </application-bnd>
            """;

    /** GlassFish maps roles to the groups of its file realm only when told. */
    private static final String GLASSFISH_ROLES = """
            <glassfish-web-app>
              <security-role-mapping><role-name>admin</role-name><group-name>admin</group-name></security-role-mapping>
              <security-role-mapping><role-name>user</role-name><group-name>user</group-name></security-role-mapping>
            </glassfish-web-app>
            """;

    /** GlassFish's file realm can only be filled through its running admin server: done once it runs. */
    @org.junit.jupiter.api.BeforeAll
    static void glassFishUsers() throws Exception {
        if (Servers.current().equals("glassfish")) {
            GlassFishUsers.add("alice", "alice-Secret-1", "admin:user");
            GlassFishUsers.add("bob", "bob-Secret-1", "user");
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("secure", SecureApplication.class, SecureResource.class, RequestId.class,
                        RequestIdFilter.class, StatsResource.class)
                .addAsWebInfResource(new StringAsset(WEB_XML), "web.xml")
                .addAsWebInfResource(new StringAsset("<jboss-web><security-domain>other</security-domain></jboss-web>"),
                        "jboss-web.xml") // WildFly: the application realm
                .addAsWebInfResource(new StringAsset(LIBERTY_ROLES), "ibm-application-bnd.xml") // Open Liberty
                .addAsWebInfResource(new StringAsset(GLASSFISH_ROLES), "glassfish-web.xml"); // GlassFish
    }

    @ArquillianResource
    URL base;

    private static int bodies(Http http) {
        Matcher m = Pattern.compile("bodies=(\\d+)").matcher(http.get("stats").body());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static int destroyed(Http http) {
        Matcher m = Pattern.compile("destroyed=(\\d+)").matcher(http.get("stats").body());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    @ParameterizedTest
    @ValueSource(strings = {"coroutine", "executor", "greenlet"})
    void withoutCredentialsTheAnswerIs401BeforeAnyBodyRuns(String mapper) {
        try (Http http = Deployments.http(base)) {
            int before = bodies(http);
            assertEquals(401, http.get("secure/" + mapper + "?n=1").statusCode());
            assertEquals(before, bodies(http));
        }
    }

    @Test
    void aUserWithoutTheRoleGets403BeforeTheBodyRuns() {
        try (Http http = Deployments.http(base)) {
            int before = bodies(http);
            assertEquals(403, http.send(http.request("secure/admin?n=1").header("Authorization", BOB).build()).statusCode());
            assertEquals(before, bodies(http));
            HttpResponse<String> alice = http.send(http.request("secure/admin?n=2").header("Authorization", ALICE).build());
            assertEquals(200, alice.statusCode(), alice::body);
            assertEquals("2|2|alice|alice|alice|true|aio-loop", alice.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"coroutine", "executor", "greenlet"})
    void concurrentRequestsOfTwoUsersEachSeeTheirOwnPrincipalAndState(String mapper) throws Exception {
        int requests = 500;
        try (Http http = Deployments.http(base)) {
            int destroyedBefore = destroyed(http);
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String user = i % 2 == 0 ? ALICE : BOB;
                responses.add(http.sendAsync(http.request("secure/" + mapper + "?n=" + i).header("Authorization", user).build()));
            }
            int crossTalk = 0;
            List<String> samples = new ArrayList<>();
            String thread = switch (mapper) {
                case "coroutine" -> "aio-loop";
                // a GREENLET body runs inline on the request's greenlet: on GlassFish its own virtual thread
                case "greenlet" -> Servers.current().equals("glassfish") ? "http-listener-1" : "aio-greenlet";
                default -> "executor";
            };
            for (int i = 0; i < requests; i++) {
                HttpResponse<String> response = responses.get(i).get(120, TimeUnit.SECONDS);
                String user = i % 2 == 0 ? "alice" : "bob";
                String expected = i + "|" + i + "|" + user + "|" + user + "|" + user + "|" + (i % 2 == 0) + "|" + thread;
                String body = response.body();
                if ("executor".equals(thread) && body.contains("|")) {
                    // the server's managed executor, whatever the server names its threads
                    String seen = body.substring(body.lastIndexOf('|') + 1);
                    body = seen.startsWith("aio-") ? body : body.substring(0, body.lastIndexOf('|') + 1) + "executor";
                }
                if (response.statusCode() != 200 || !expected.equals(body)) {
                    crossTalk++;
                    if (samples.size() < 5) {
                        samples.add("expected " + expected + ", got " + response.statusCode() + " " + response.body());
                    }
                }
            }
            assertEquals(0, crossTalk, () -> "responses with another request's principal or state: " + samples);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertEquals(requests, destroyed(http) - destroyedBefore, "request-scoped @PreDestroy calls"));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> destroyed(http) - destroyedBefore == requests);
        }
    }
}
