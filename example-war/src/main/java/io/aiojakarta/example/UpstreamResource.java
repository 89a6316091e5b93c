package io.aiojakarta.example;

import io.aiojakarta.AsyncView;
import io.aiojakarta.EventLoop;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * A slow upstream service, for the fan-out to call: answers after {@code ?delay=} milliseconds on
 * the event loop.
 */
@Path("upstream/{name}")
@AsyncView
public class UpstreamResource {

    /**
     * An upstream answer.
     *
     * @param name the upstream's name
     * @param delayMillis how long it took to answer
     */
    public record Quote(String name, long delayMillis) {
    }

    @Inject
    EventLoop loop;

    /** For CDI. */
    public UpstreamResource() {
    }

    /**
     * Answers after the delay.
     *
     * @param name the upstream's name
     * @param delay the delay in milliseconds, at most 10 seconds
     * @return the quote
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Quote> quote(@PathParam("name") String name, @QueryParam("delay") @DefaultValue("300") long delay) {
        long millis = Math.clamp(delay, 0, 10_000);
        return loop.sleep(Duration.ofMillis(millis)).thenApply(ignored -> new Quote(name, millis));
    }
}
