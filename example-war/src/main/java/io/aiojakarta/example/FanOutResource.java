package io.aiojakarta.example;

import io.aiojakarta.AsyncView;
import io.aiojakarta.EventLoop;
import io.aiojakarta.GreenletBridge;
import io.aiojakarta.Mapper;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Calls three slow upstream services at once and combines their answers: as a coroutine composing
 * stages, and as a greenlet awaiting them in straight-line code. Either way the total time is about
 * one upstream delay, not three. The upstreams' address is {@link UpstreamBase}'s: configured, or the
 * listener that accepted the request, never a request header.
 */
@Path("fanout")
@AsyncView
public class FanOutResource {

    /**
     * The combined answer.
     *
     * @param quotes the upstreams' answers, in call order
     * @param elapsedMillis the time from the first call to the last answer
     * @param thread where the answers were combined
     */
    public record Combined(List<UpstreamResource.Quote> quotes, long elapsedMillis, String thread) {
    }

    private static final List<String> UPSTREAMS = List.of("alpha", "beta", "gamma");

    @Inject
    UpstreamClient upstream;

    @Inject
    EventLoop loop;

    @Inject
    GreenletBridge bridge;

    @Context
    UriInfo uriInfo;

    @Context
    HttpServletRequest request;

    /** For CDI. */
    public FanOutResource() {
    }

    /**
     * The coroutine way: start all three calls, combine when all are done, back on the loop. The
     * client's stages complete on the client's threads; {@link EventLoop#adopt} brings them under
     * the loop's rule, so that the combining step runs on the loop with this request's context.
     *
     * @param delay each upstream's delay in milliseconds
     * @return the combined answer
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Combined> coroutine(@QueryParam("delay") @DefaultValue("300") long delay) {
        long start = System.nanoTime();
        URI base = UpstreamBase.of(request, uriInfo);
        List<CompletableFuture<UpstreamResource.Quote>> calls = UPSTREAMS.stream()
                .map(name -> upstream.quote(base, name, delay).toCompletableFuture())
                .toList();
        return loop.adopt(CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)))
                .thenApply(ignored -> new Combined(calls.stream().map(CompletableFuture::join).toList(),
                        elapsedMillis(start), Thread.currentThread().getName()));
    }

    /**
     * The greenlet way: start all three calls, then await each in plain sequential code.
     *
     * @param delay each upstream's delay in milliseconds
     * @return the combined answer
     */
    @GET
    @Path("greenlet")
    @Produces(MediaType.APPLICATION_JSON)
    @AsyncView(Mapper.GREENLET)
    public Combined greenlet(@QueryParam("delay") @DefaultValue("300") long delay) {
        long start = System.nanoTime();
        URI base = UpstreamBase.of(request, uriInfo);
        List<CompletionStage<UpstreamResource.Quote>> calls = UPSTREAMS.stream()
                .map(name -> upstream.quote(base, name, delay))
                .toList();
        List<UpstreamResource.Quote> quotes = calls.stream().map(bridge::await).toList();
        return new Combined(quotes, elapsedMillis(start), Thread.currentThread().getName());
    }

    private static long elapsedMillis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
