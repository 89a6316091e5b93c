package io.aiojakarta.it.portable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.it.support.Deployments;
import io.aiojakarta.it.support.Servers;
import io.aiojakarta.embedded.support.Http;
import io.aiojakarta.embedded.support.RawHttpConnection;
import io.aiojakarta.embedded.support.RawWebSocket;
import io.aiojakarta.embedded.websocket.Client;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The starter WAR, exactly as built, on whichever server the run targets: every endpoint answers as
 * it does embedded. Its HTTP endpoints pass through a legacy filter that awaits, which works because
 * every request runs on a greenlet (GlassFish: the server's virtual request threads; Open Liberty:
 * Aiojakarta's greenlets, through its servlet filter; WildFly: through Undertow).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Timeout(120)
class StarterOnEveryServerTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.create(ZipImporter.class, "aiojakarta-example.war")
                .importFrom(Deployments.exampleWar()).as(WebArchive.class);
    }

    @ArquillianResource
    URL base;

    private static HttpResponse<String> ok(Http http, String path) {
        HttpResponse<String> response = http.get(path);
        assertEquals(200, response.statusCode(), () -> path + ": " + response.body());
        return response;
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        assertTrue(m.find(), () -> field + " in " + json);
        return Long.parseLong(m.group(1));
    }

    private static String text(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]*)\"").matcher(json);
        assertTrue(m.find(), () -> field + " in " + json);
        return m.group(1);
    }

    @Test
    void indexPageIsServed() {
        try (Http http = Deployments.http(base)) {
            HttpResponse<String> page = ok(http, "");
            assertTrue(page.body().contains("Aiojakarta starter"), page.body());
        }
    }

    @Test
    void helloSleepsOnTheEventLoop() {
        try (Http http = Deployments.http(base)) {
            String body = ok(http, "hello?sleep=0.2").body();
            assertEquals("Hello world!", text(body, "title"));
            assertEquals("aio-loop-1", text(body, "thread"));
        }
    }

    @Test
    void legacyReportRunsOnAnExecutorThread() {
        try (Http http = Deployments.http(base)) {
            String body = ok(http, "legacy/report?millis=30").body();
            String thread = text(body, "thread");
            assertFalse(thread.startsWith("aio-loop-") || thread.startsWith("aio-greenlet-"), body);
        }
    }

    @Test
    void fanOutsTakeAboutOneUpstreamDelay() {
        try (Http http = Deployments.http(base)) {
            for (String path : new String[] {"fanout", "fanout/greenlet"}) {
                ok(http, path + "?delay=1"); // warms the client up
                String body = ok(http, path + "?delay=500").body();
                assertTrue(body.contains("\"alpha\"") && body.contains("\"beta\"") && body.contains("\"gamma\""), body);
                long elapsed = number(body, "elapsedMillis");
                assertTrue(elapsed >= 500 && elapsed < 1000, path + " took " + elapsed + " ms for three 500 ms upstreams");
            }
        }
    }

    @Test
    void aBadRequestIsAnsweredAsProblemDetails() {
        try (Http http = Deployments.http(base)) {
            HttpResponse<String> response = http.get("hello?sleep=-1");
            assertEquals(400, response.statusCode(), response::body);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    response.headers().map()::toString);
            assertEquals("sleep must be from 0 to 60 seconds", text(response.body(), "detail"), response.body());
            assertEquals(400, number(response.body(), "status"), response.body());
        }
    }

    @Test
    void aForgedHostHeaderDoesNotChooseWhereTheFanOutCalls() throws Exception {
        for (String path : new String[] {"fanout?delay=1", "fanout/greenlet?delay=1"}) {
            try (RawHttpConnection raw = new RawHttpConnection(base.toURI())) {
                raw.sendGet(base.getPath() + path, "unreachable.invalid:9");
                RawHttpConnection.Response response = raw.read();
                assertTrue(response.statusLine().contains(" 200 "), () -> path + ": " + response.statusLine() + " " + response.body());
                assertTrue(response.body().contains("\"gamma\""), response::body);
            }
        }
    }

    @Test
    void chatBroadcastsToEveryConnection() throws Exception {
        URI socket = URI.create(base.toString().replaceFirst("^http", "ws") + "chat/socket");
        try (HttpClient http = HttpClient.newHttpClient(); Client first = new Client(http, socket)) {
            assertEquals("* someone joined (1 online)", first.next());
            try (Client second = new Client(http, socket)) {
                assertEquals("* someone joined (2 online)", first.next());
                assertEquals("* someone joined (2 online)", second.next());
                second.socket.sendText("bob: hello", true).join();
                assertEquals("bob: hello", first.next());
                assertEquals("bob: hello", second.next());
            }
            assertEquals("* someone left (1 online)", first.next());
        }
    }

    @Test
    @Tag(Servers.WEBSOCKET_READS) // one CI run on Open Liberty saw the close frame never answered
    void aChatClientThatSendsAnEmptyCloseFrameGetsACloseFrameBack() throws Exception {
        URI socket = URI.create(base.toString().replaceFirst("^http", "ws") + "chat/socket");
        try (RawWebSocket raw = RawWebSocket.connect(socket)) {
            RawWebSocket.Frame greeting = raw.next();
            assertEquals("* someone joined (1 online)", greeting == null ? null : greeting.text());
            raw.send(RawWebSocket.CLOSE, new byte[0]);
            RawWebSocket.Frame reply = raw.next();
            assertTrue(reply != null && reply.opcode() == RawWebSocket.CLOSE, "a close frame back, not a dropped connection");
        }
    }

    @Test
    void legacyFilterAwaitsTheMessageOfTheDay() {
        try (Http http = Deployments.http(base)) {
            HttpResponse<String> response = ok(http, "upstream/delta?delay=10");
            assertTrue(response.headers().firstValue("X-Motd").orElse("").startsWith("have a non-blocking "),
                    response.headers().map().toString());
        }
    }
}
