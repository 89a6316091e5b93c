package io.aiojakarta.embedded.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The launcher as a person runs it: a separate JVM, its exit status and what it prints. */
@Timeout(120)
class MainProcessTest {

    private static final String MAIN = "io.aiojakarta.embedded.Main";

    private record Outcome(int status, String out, String err) {
    }

    private static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow()));
        if (Runtime.version().feature() >= 23) {
            // as the launch scripts do: XNIO's use of sun.misc.Unsafe makes newer JDKs print a warning
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    private static Outcome run(String... args) throws Exception {
        Process process = start(args);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher did not exit");
        return new Outcome(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip(),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }

    private static void assertOneLineError(Outcome outcome, String expected) {
        assertEquals(2, outcome.status(), outcome::toString);
        assertEquals(1, outcome.err().lines().count(), () -> "not one line: " + outcome.err());
        assertTrue(outcome.err().startsWith("aiojakarta: "), outcome.err());
        assertTrue(outcome.err().contains(expected), outcome.err());
        assertFalse(outcome.err().contains("\tat "), "no stack trace");
    }

    @Test
    void unknownOptionExitsWithTwoAndOneLine() throws Exception {
        assertOneLineError(run("--bogus", "x.App"), "unknown option '--bogus'");
    }

    @Test
    void missingApplicationClassExitsWithTwoAndOneLine() throws Exception {
        assertOneLineError(run("--port", "0"), "no application class given");
    }

    @Test
    void unknownApplicationClassExitsWithTwoAndOneLine() throws Exception {
        assertOneLineError(run("--port", "0", "com.example.Nope"), "application class 'com.example.Nope' not found on the class path");
    }

    @Test
    void portInUseExitsWithTwoAndOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertOneLineError(run("--port", String.valueOf(port), "io.aiojakarta.embedded.mappers.MappersApplication"),
                    "cannot listen on 127.0.0.1:" + port);
        }
    }

    @Test
    void portZeroPrintsTheUrlAndServesUntilStopped() throws Exception {
        Process process = start("--port", "0", "io.aiojakarta.embedded.mappers.MappersApplication");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String ready = out.readLine();
            Matcher url = Pattern.compile("Aiojakarta serving io\\.aiojakarta\\.embedded\\.mappers\\.MappersApplication at "
                    + "(http://127\\.0\\.0\\.1:(\\d+)/)").matcher(String.valueOf(ready));
            assertTrue(url.matches(), "ready line: " + ready);
            assertTrue(Integer.parseInt(url.group(2)) > 0);
            try (HttpClient client = HttpClient.newHttpClient()) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url.group(1) + "plain")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode());
                assertTrue(response.body().startsWith("aio-greenlet-"), response.body());
            }
        } finally {
            process.destroy();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher did not stop on SIGTERM");
        }
    }
}
