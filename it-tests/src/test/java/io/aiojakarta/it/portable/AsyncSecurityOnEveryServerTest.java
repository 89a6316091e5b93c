package io.aiojakarta.it.portable;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aiojakarta.embedded.support.Http;
import io.aiojakarta.it.asyncsecurity.AsyncLoginApplication;
import io.aiojakarta.it.asyncsecurity.BasicLogin;
import io.aiojakarta.it.asyncsecurity.DirectoryIdentityStore;
import io.aiojakarta.it.asyncsecurity.LoginStatsResource;
import io.aiojakarta.it.asyncsecurity.UserDirectory;
import io.aiojakarta.it.asyncsecurity.WhoAmIResource;
import io.aiojakarta.it.support.Deployments;
import io.aiojakarta.it.support.Servers;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Jakarta Security with an asynchronous identity store ({@code AsyncIdentityStore}) on every server
 * that authenticates on a virtual thread (tag {@link Servers#AUTHENTICATION_ON_GREENLETS}):
 * real HTTP Basic logins validated by a non-blocking user directory, the container's synchronous
 * {@code validate} waiting on the request's greenlet. Right password: 200 with the caller in every
 * mapper; wrong password: 401; wrong role: 403; and 500 logins at once neither pin a greenlet nor
 * run a validation on a platform thread.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Timeout(180)
@Tag(Servers.AUTHENTICATION_ON_GREENLETS)
class AsyncSecurityOnEveryServerTest {

    private static final String CAROL = Http.basic("carol", "carol-Secret-1"); // reader
    private static final String DAVE = Http.basic("dave", "dave-Secret-1");    // guest
    private static final String CAROL_WRONG = Http.basic("carol", "not-her-password");

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
                  <web-resource-name>me</web-resource-name>
                  <url-pattern>/me/*</url-pattern>
                </web-resource-collection>
                <auth-constraint><role-name>**</role-name></auth-constraint>
              </security-constraint>
              <security-role><role-name>reader</role-name></security-role>
            </web-app>
            """;

    /** WildFly: the application security domain the build adds, with Jakarta Security's own mechanisms. */
    private static final String JBOSS_WEB = "<jboss-web><security-domain>async-directory</security-domain></jboss-web>";

    /** GlassFish maps roles to groups only when told. */
    private static final String GLASSFISH_ROLES = """
            <glassfish-web-app>
              <security-role-mapping><role-name>reader</role-name><group-name>reader</group-name></security-role-mapping>
            </glassfish-web-app>
            """;

    /** Open Liberty maps roles to groups only when told. */
    private static final String LIBERTY_ROLES = """
            <application-bnd xmlns="http://websphere.ibm.com/xml/ns/javaee" version="1.2">
              <security-role name="reader"><group name="reader"/></security-role>
            </application-bnd>
            """;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("async-login", AsyncLoginApplication.class, WhoAmIResource.class, LoginStatsResource.class,
                        UserDirectory.class, UserDirectory.User.class, DirectoryIdentityStore.class, BasicLogin.class)
                .addAsWebInfResource(new StringAsset(WEB_XML), "web.xml")
                .addAsWebInfResource(new StringAsset(JBOSS_WEB), "jboss-web.xml") // WildFly
                .addAsWebInfResource(new StringAsset(GLASSFISH_ROLES), "glassfish-web.xml") // GlassFish
                .addAsWebInfResource(new StringAsset(LIBERTY_ROLES), "ibm-application-bnd.xml"); // Open Liberty
    }

    private HttpResponse<String> get(Http http, String path, String authorization) {
        return http.send(http.request(path).header("Authorization", authorization).GET().build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"coroutine", "greenlet", "executor", "either"})
    void theRightPasswordReachesEveryMapperAsTheCaller(String mapper) {
        try (Http http = Deployments.http(base)) {
            HttpResponse<String> response = get(http, "me/" + mapper, CAROL);
            assertEquals(200, response.statusCode(), response::body);
            assertEquals("carol", response.body());
        }
    }

    @Test
    void aWrongPasswordIsUnauthorized() {
        try (Http http = Deployments.http(base)) {
            assertEquals(401, get(http, "me/coroutine", CAROL_WRONG).statusCode());
            assertEquals(401, http.get("me/coroutine").statusCode(), "no credentials at all");
        }
    }

    @Test
    void aCallerWithoutTheRoleIsForbidden() {
        try (Http http = Deployments.http(base)) {
            assertEquals(403, get(http, "me/greenlet", DAVE).statusCode());
        }
    }

    /** Sends that many of carol's logins at once, to the coroutine resource. */
    private static List<CompletableFuture<HttpResponse<String>>> carolLogins(Http http, int count) {
        List<CompletableFuture<HttpResponse<String>>> logins = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            logins.add(http.sendAsync(http.request("me/coroutine").header("Authorization", CAROL).GET().build()));
        }
        return logins;
    }

    @Test
    void fiveHundredLoginsAtOnceNeitherPinNorBlockPlatformThreads() {
        try (Http http = Deployments.http(base)) {
            // first a few logins, unwatched: a server that has just started loads and initialises classes on
            // their first use, and a virtual thread that waits inside a class initialiser is pinned by the JVM
            carolLogins(http, 20).forEach(CompletableFuture::join);
            assertEquals(200, http.send(http.request("stats/watch").POST(HttpRequest.BodyPublishers.noBody()).build())
                    .statusCode());
            try {
                for (CompletableFuture<HttpResponse<String>> login : carolLogins(http, 500)) {
                    HttpResponse<String> response = login.join();
                    assertEquals(200, response.statusCode(), response::body);
                    assertEquals("carol", response.body());
                }
                String stats = http.get("stats").body();
                assertEquals(true, stats.startsWith("flushed=true"), "the flight recording delivered its events: " + stats);
                int validations = Integer.parseInt(stats.replaceAll(".*validations=(\\d+).*", "$1"));
                assertEquals(true, validations >= 500, "every login was validated by the store: " + stats);
                assertEquals("0", stats.replaceAll(".*platform=(\\d+).*", "$1"), "validations on platform threads: " + stats);
                assertEquals("0", stats.replaceAll(".*pinned=(\\d+).*", "$1"), "greenlets pinned (JFR): " + stats);
            } finally {
                http.send(http.request("stats/stop").POST(HttpRequest.BodyPublishers.noBody()).build());
            }
        }
    }
}
