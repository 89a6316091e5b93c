package ${package};

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
 * A coroutine view: sleeps {@code ?sleep=} seconds on the event loop, holding no thread, then greets.
 */
@Path("hello")
@AsyncView
public class HelloResource {

    @Inject
    EventLoop loop;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public CompletionStage<String> hello(@QueryParam("sleep") @DefaultValue("0") double seconds) {
        if (seconds < 0 || seconds > 60) {
            throw new BadRequestException("sleep must be from 0 to 60 seconds");
        }
        return loop.sleep(Duration.ofMillis(Math.round(seconds * 1000)))
                .thenApply(ignored -> "Hello world! (slept " + seconds + " s on " + Thread.currentThread().getName() + ")");
    }
}
