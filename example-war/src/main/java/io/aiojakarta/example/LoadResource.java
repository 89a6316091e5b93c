package io.aiojakarta.example;

import io.aiojakarta.AsyncView;
import io.aiojakarta.Mapper;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

/**
 * The runtime panel's load button: fires many concurrent requests at one of this application's
 * endpoints, each call waiting one second (the coroutine {@code /hello?sleep=1} or the blocking
 * {@code /legacy/report?millis=1000})
 * and reports their latency distribution and the threads that answered them. The requests go
 * through the listener that accepted this one, as a client's would, after an untimed round of as
 * many calls that opens the connections. One run at a time for the whole application: a second
 * one meanwhile is answered 429 with {@code Retry-After}. A coroutine itself: it waits
 * for the answers without holding a thread.
 */
@Path("load")
@AsyncView(Mapper.COROUTINE)
public class LoadResource {

    /** The most requests one run may fire. */
    public static final int MAX_REQUESTS = 2_000;
    /** One run at a time for the whole application: a run multiplies one request by thousands. */
    private static final Semaphore ONE_RUN = new Semaphore(1);
    private static final int BUCKETS = 20;

    /**
     * One call of a run.
     *
     * @param ok whether it answered 200
     * @param micros how long it took, in microseconds
     * @param thread the thread that made the answer (from the answer's {@code thread} field)
     */
    public record Sample(boolean ok, long micros, String thread) {
    }

    /**
     * The {@code thread} field of an answer.
     *
     * @param thread the thread's name
     */
    public record RanOn(String thread) {
    }

    /**
     * A finished run.
     *
     * @param target {@code coroutine} or {@code blocking}
     * @param path what was called
     * @param requests how many calls were made, all at once
     * @param failed how many did not answer 200
     * @param wallMillis from the first call to the last answer
     * @param p50Millis median latency
     * @param p90Millis 90th percentile
     * @param p99Millis 99th percentile
     * @param maxMillis slowest call
     * @param bucketMillis the width of each histogram bucket
     * @param histogram how many calls took 0..bucket, bucket..2·bucket, ...
     * @param distinctThreads how many threads made the answers
     * @param threads the busiest threads and how many answers each made, busiest first (at most ten)
     */
    public record Run(String target, String path, int requests, int failed, long wallMillis, double p50Millis,
            double p90Millis, double p99Millis, double maxMillis, double bucketMillis, List<Integer> histogram,
            int distinctThreads, Map<String, Long> threads) {
    }

    @Inject
    UpstreamClient client;

    /** For CDI. */
    public LoadResource() {
    }

    /**
     * Fires the run and reports it once every call has answered.
     *
     * @param target {@code coroutine} or {@code blocking}
     * @param requests how many calls, 1 to {@value #MAX_REQUESTS}
     * @param request the servlet request (its listener)
     * @param uriInfo the request's URI information
     * @return the run
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Run> run(@QueryParam("target") @DefaultValue("coroutine") String target,
            @QueryParam("requests") @DefaultValue("1000") int requests, @Context HttpServletRequest request,
            @Context UriInfo uriInfo) {
        String path = switch (target) {
            case "coroutine" -> "hello?sleep=1";
            case "blocking" -> "legacy/report?millis=1000";
            default -> throw new BadRequestException("target must be coroutine or blocking, not '" + target + "'");
        };
        if (requests < 1 || requests > MAX_REQUESTS) {
            throw new BadRequestException("requests must be from 1 to " + MAX_REQUESTS);
        }
        URI base = UpstreamBase.ownListener(request, uriInfo);
        URI uri = base.resolve(path);
        if (!ONE_RUN.tryAcquire()) {
            throw new WebApplicationException("a load run is already going on; try again when it has finished",
                    Response.status(Response.Status.TOO_MANY_REQUESTS).header("Retry-After", "10").build());
        }
        try {
            // an untimed round first, as many calls at once at an answer without a wait: it opens the
            // client's connections and warms the code, so that both targets are measured alike
            return fire(base.resolve("hello?sleep=0"), requests).thenCompose(warmedUp -> {
                long start = System.nanoTime();
                return fire(uri, requests).thenApply(samples ->
                        summarise(target, path, samples, (System.nanoTime() - start) / 1_000_000));
            }).whenComplete((run, failure) -> ONE_RUN.release());
        } catch (RuntimeException notStarted) {
            ONE_RUN.release();
            throw notStarted;
        }
    }

    /** Fires the calls all at once; completes with every sample once each has answered. */
    private CompletableFuture<List<Sample>> fire(URI uri, int requests) {
        List<CompletableFuture<Sample>> calls = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            calls.add(client.timed(uri).toCompletableFuture());
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> calls.stream().map(CompletableFuture::join).toList());
    }

    private static Run summarise(String target, String path, List<Sample> samples, long wallMillis) {
        List<Sample> answered = samples.stream().filter(Sample::ok).sorted(Comparator.comparingLong(Sample::micros)).toList();
        int failed = samples.size() - answered.size();
        if (answered.isEmpty()) {
            return new Run(target, path, samples.size(), failed, wallMillis, 0, 0, 0, 0, 0, List.of(), 0, Map.of());
        }
        double max = millis(answered.getLast());
        double bucket = Math.max(1, Math.ceil(max / BUCKETS));
        int[] counts = new int[BUCKETS];
        for (Sample sample : answered) {
            counts[(int) Math.min(BUCKETS - 1, millis(sample) / bucket)]++;
        }
        Map<String, Long> byThread = answered.stream().collect(Collectors.groupingBy(Sample::thread, Collectors.counting()));
        Map<String, Long> busiest = byThread.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(10)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        return new Run(target, path, samples.size(), failed, wallMillis, percentile(answered, 0.50), percentile(answered, 0.90),
                percentile(answered, 0.99), max, bucket, Arrays.stream(counts).boxed().toList(), byThread.size(), busiest);
    }

    private static double percentile(List<Sample> sorted, double rank) {
        return millis(sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(rank * sorted.size()) - 1)));
    }

    private static double millis(Sample sample) {
        return Math.round(sample.micros() / 100.0) / 10.0;
    }
}
