package io.aiojakarta.example;

import io.aiojakarta.AsyncView;
import io.aiojakarta.EventLoop;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The scaffold's own view: a coroutine that sleeps {@code ?sleep=} seconds on the event loop without
 * holding any thread, then greets.
 */
@Path("hello")
@AsyncView
public class HelloResource {

    /**
     * The greeting.
     *
     * @param title the greeting itself
     * @param slept how long the coroutine slept, in seconds
     * @param thread where the greeting was made
     */
    public record Greeting(String title, double slept, String thread) {
    }

    @Inject
    EventLoop loop;

    /** For CDI. */
    public HelloResource() {
    }

    /**
     * Greets after sleeping on the loop.
     *
     * @param seconds how long to sleep, 0 to 60 seconds
     * @return the greeting, once the sleep is over
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Greeting> hello(@QueryParam("sleep") @DefaultValue("0") double seconds) {
        if (seconds < 0 || seconds > 60) {
            throw new BadRequestException("sleep must be from 0 to 60 seconds");
        }
        return loop.sleep(Duration.ofMillis(Math.round(seconds * 1000)))
                .thenApply(ignored -> new Greeting("Hello world!", seconds, Thread.currentThread().getName()));
    }
}
