package io.aiojakarta.example.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real headless Chromium driven over the Chrome DevTools Protocol: pages in separate browser
 * contexts (like separate profiles), JavaScript evaluation and screenshots.
 */
final class Chromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final HttpClient http = HttpClient.newHttpClient();
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private Chromium(Process process, URI devTools) throws Exception {
        this.process = process;
        this.socket = http.newWebSocketBuilder().buildAsync(devTools, new Listener()).get(30, TimeUnit.SECONDS);
    }

    static Chromium start(Path executable, Path profile) throws Exception {
        Process process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-crash-reporter", "--disable-breakpad", "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "--remote-allow-origins=*", "--window-size=900,700", "--user-data-dir=" + profile, "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader errors = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        CompletableFuture<URI> listening = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = errors.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        return URI.create(m.group(1));
                    }
                }
                throw new IllegalStateException("Chromium exited before it listened");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            Chromium chromium = new Chromium(process, listening.get(60, TimeUnit.SECONDS));
            // keep draining its stderr so that it never blocks on a full pipe
            Thread.ofVirtual().start(() -> errors.lines().forEach(line -> { }));
            return chromium;
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    JsonNode call(String method, Map<String, Object> params, String session) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        send(id, method, params, session);
        JsonNode reply = answer.get(30, TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + " failed: " + reply.get("error"));
        }
        return reply.get("result");
    }

    private void send(int id, String method, Map<String, Object> params, String session) throws Exception {
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
        command.set("params", JSON.valueToTree(params));
        if (session != null) {
            command.put("sessionId", session);
        }
        socket.sendText(JSON.writeValueAsString(command), true).get(10, TimeUnit.SECONDS);
    }

    /** Opens a page in a new browser context: it shares no cookies or storage with the others. */
    Page open(String url) throws Exception {
        String context = call("Target.createBrowserContext", Map.of(), null).get("browserContextId").asText();
        String target = call("Target.createTarget", Map.of("url", url, "browserContextId", context), null)
                .get("targetId").asText();
        String session = call("Target.attachToTarget", Map.of("targetId", target, "flatten", true), null)
                .get("sessionId").asText();
        return new Page(session);
    }

    /**
     * Ends the browser and every process it started, and returns only once all of them have
     * exited: Chromium's helper processes (renderers and the like) write into the profile
     * directory until they end, so the caller may delete it afterwards.
     */
    @Override
    public void close() {
        List<ProcessHandle> helpers = process.descendants().toList();
        try {
            // asks for an orderly exit, which flushes the profile; no answer is awaited, since the
            // browser may close the connection first
            send(ids.incrementAndGet(), "Browser.close", Map.of(), null);
        } catch (Exception e) {
            // the browser may already be gone; it is ended below either way
        }
        socket.abort();
        http.close();
        end(process.toHandle());
        helpers.forEach(Chromium::end);
    }

    private static void end(ProcessHandle handle) {
        try {
            handle.onExit().get(10, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            handle.destroyForcibly();
            handle.onExit().join();
        } catch (InterruptedException e) {
            handle.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** One page (tab). */
    final class Page {

        private final String session;

        private Page(String session) {
            this.session = session;
        }

        /** Evaluates JavaScript in the page and returns its value as text. */
        String evaluate(String expression) throws Exception {
            JsonNode result = call("Runtime.evaluate",
                    Map.of("expression", expression, "returnByValue", true, "awaitPromise", true), session);
            if (result.has("exceptionDetails")) {
                throw new IllegalStateException("script failed: " + result.get("exceptionDetails"));
            }
            JsonNode value = result.get("result").get("value");
            return value == null ? "" : value.asText();
        }

        void screenshot(Path file) throws Exception {
            String data = call("Page.captureScreenshot", Map.of("format", "png"), session).get("data").asText();
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode(data));
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                try {
                    JsonNode node = JSON.readTree(message.toString());
                    if (node.has("id")) {
                        CompletableFuture<JsonNode> answer = pending.remove(node.get("id").asInt());
                        if (answer != null) {
                            answer.complete(node);
                        }
                    }
                } catch (IOException e) {
                    pending.values().forEach(answer -> answer.completeExceptionally(e));
                }
                message.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
