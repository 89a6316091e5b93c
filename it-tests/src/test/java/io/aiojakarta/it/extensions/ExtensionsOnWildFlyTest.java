package io.aiojakarta.it.extensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.embedded.support.Http;
import io.aiojakarta.embedded.support.audit.AuditInterceptor;
import io.aiojakarta.embedded.support.audit.AuditTrail;
import io.aiojakarta.embedded.support.audit.Audited;
import io.aiojakarta.it.support.Deployments;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server's own synchronous extensions keep working around mapped resources: JSON binding,
 * Bean Validation, a response filter, an exception mapper, a user interceptor and
 * {@code @Transactional} with JPA on the built-in ExampleDS.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Timeout(120)
class ExtensionsOnWildFlyTest {

    private static final String PERSISTENCE_XML = """
            <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.2">
              <persistence-unit name="notes">
                <jta-data-source>java:jboss/datasources/ExampleDS</jta-data-source>
                <class>io.aiojakarta.it.extensions.Note</class>
                <properties>
                  <property name="jakarta.persistence.schema-generation.database.action" value="drop-and-create"/>
                </properties>
              </persistence-unit>
            </persistence>
            """;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("notes", NotesApplication.class, NotesResource.class, Note.class, NoteRequest.class,
                        NoteView.class, Audited.class, AuditInterceptor.class, AuditTrail.class, AuditHeaderFilter.class,
                        RejectedNoteMapper.class, RejectedNoteException.class)
                .addAsResource(new StringAsset(PERSISTENCE_XML), "META-INF/persistence.xml");
    }

    @ArquillianResource
    URL base;

    private static HttpResponse<String> post(Http http, String path, String json) {
        return http.send(http.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static long count(Http http, String text) {
        HttpResponse<String> response = http.get("notes/count?text=" + text);
        assertEquals(200, response.statusCode(), response::body);
        return Long.parseLong(response.body().strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"coroutine,aio-loop", "executor,EE-ManagedExecutorService-default-Thread", "greenlet,aio-greenlet"})
    void transactionCommitsInsideTheMapperAndJsonRoundTrips(String mapper, String thread) {
        try (Http http = Deployments.http(base)) {
            String text = "commit-" + mapper;
            HttpResponse<String> response = post(http, "notes/" + mapper, "{\"text\":\"" + text + "\"}");
            assertEquals(200, response.statusCode(), response::body);
            assertTrue(response.body().matches("\\{\"id\":\\d+,\"text\":\"" + text + "\",\"thread\":\"" + thread + "\"}"),
                    response.body());
            assertEquals("audit@" + thread, response.headers().firstValue("X-Audited").orElse(""), "user interceptor ran on the body's thread");
            assertEquals(1, count(http, text), "committed and visible in the database");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"coroutine", "executor", "greenlet"})
    void aRejectedNoteIsRolledBackAndMappedTo409(String mapper) {
        try (Http http = Deployments.http(base)) {
            String text = "rollback-" + mapper;
            HttpResponse<String> response = post(http, "notes/" + mapper + "?reject=true", "{\"text\":\"" + text + "\"}");
            assertEquals(409, response.statusCode(), response::body);
            assertEquals("rejected: " + text, response.body());
            assertEquals(0, count(http, text), "the insert was rolled back");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"coroutine", "executor", "greenlet"})
    void anInvalidBodyIs400BeforeTheBodyRuns(String mapper) {
        try (Http http = Deployments.http(base)) {
            int before = Integer.parseInt(http.get("notes/bodies").body().strip());
            HttpResponse<String> response = post(http, "notes/" + mapper, "{\"text\":\"  \"}");
            assertEquals(400, response.statusCode(), response::body);
            assertEquals(before, Integer.parseInt(http.get("notes/bodies").body().strip()), "no body ran");
        }
    }
}
