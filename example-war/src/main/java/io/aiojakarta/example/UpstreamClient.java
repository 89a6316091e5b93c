package io.aiojakarta.example;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Calls the upstream services with the JDK's non-blocking {@link HttpClient}: no thread waits for an
 * answer, connections are opened as the load needs them, and each answer completes its stage on a
 * virtual thread of its own (callers bring it back where they need it, as
 * {@code EventLoop.adopt} or {@code GreenletBridge.await} do). A Jakarta REST client's
 * {@code rx()} invoker, by contrast, blocks a thread of a small pool per call (five threads with
 * RESTEasy's defaults: 200 concurrent fan-outs then take seconds each; see docs/benchmarks.md, P5).
 * One client for the application, closed with it. Thread-safe.
 */
@ApplicationScoped
public class UpstreamClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final ExecutorService completions = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // plain HTTP: no h2c upgrade attempt on every new connection
            .connectTimeout(Duration.ofSeconds(5))
            .executor(completions)
            .build();
    private final Jsonb jsonb = JsonbBuilder.create();

    /** For CDI. */
    public UpstreamClient() {
    }

    /**
     * Creates the client (JSON-B, the JDK's HTTP stack) when the application starts, so that the
     * first fan-out does not load them on the event loop.
     *
     * @param started the application's start
     */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // observing is enough: CDI creates this bean to deliver the event
    }

    /**
     * Starts one upstream call.
     *
     * @param base the upstreams' base address ({@link UpstreamBase})
     * @param name the upstream's name
     * @param delayMillis how long the upstream takes
     * @return the quote; fails with a 502 {@link ServerErrorException} when the upstream answers
     *     anything but 200
     */
    public CompletionStage<UpstreamResource.Quote> quote(URI base, String name, long delayMillis) {
        URI uri = base.resolve("upstream/" + name + "?delay=" + delayMillis);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new ServerErrorException("upstream " + name + " answered " + response.statusCode(), Response.Status.BAD_GATEWAY);
            }
            return jsonb.fromJson(response.body(), UpstreamResource.Quote.class);
        });
    }

    /**
     * One timed call of a page of this application that answers JSON with a {@code thread} field,
     * for the load runs of the runtime panel.
     *
     * @param uri what to call
     * @return when it answered, how long it took and the thread that made the answer; a failed
     *     call completes normally with {@code ok == false}
     */
    public CompletionStage<LoadResource.Sample> timed(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET().build();
        long start = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            long micros = (System.nanoTime() - start) / 1_000;
            if (failure != null || response.statusCode() != 200) {
                return new LoadResource.Sample(false, micros, "");
            }
            return new LoadResource.Sample(true, micros, jsonb.fromJson(response.body(), LoadResource.RanOn.class).thread());
        });
    }

    @PreDestroy
    void close() {
        http.close();
        completions.close();
        try {
            jsonb.close();
        } catch (Exception e) {
            System.getLogger(UpstreamClient.class.getName()).log(System.Logger.Level.WARNING, "closing JSON-B failed", e);
        }
    }
}
