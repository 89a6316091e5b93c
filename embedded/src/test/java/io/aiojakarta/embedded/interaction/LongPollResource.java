package io.aiojakarta.embedded.interaction;

import io.aiojakarta.AsyncView;
import io.aiojakarta.EventLoop;
import io.aiojakarta.Mapper;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** Long polls: request A waits on a future that request B completes from its own coroutine. */
@Path("poll")
@RequestScoped
public class LongPollResource {

    @Inject
    Caller caller;

    @Inject
    EventLoop loop;

    /** Returns the shared future itself: only the response processing (filters) runs after B completes it. */
    @GET
    @Path("wait")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> waitFor(@QueryParam("key") String key) {
        return Mailbox.future(key);
    }

    /** A continuation registered by A on a stage Aiojakarta handed out, run on the loop as B completes the future. */
    @GET
    @Path("continue")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> continueWith(@QueryParam("key") String key) {
        return loop.sleep(Duration.ZERO)
                .thenCompose(ignored -> Mailbox.future(key))
                .thenApplyAsync(value -> value + " seen by " + caller.id(), loop);
    }

    /**
     * As {@link #continueWith}, with a direct executor: the continuation runs inline on the thread
     * that completes the future, inside B's loop task, and must still see A.
     */
    @GET
    @Path("direct")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> continueInline(@QueryParam("key") String key) {
        return loop.sleep(Duration.ZERO)
                .thenCompose(ignored -> Mailbox.future(key))
                .thenApplyAsync(value -> value + " seen by " + caller.id(), Runnable::run);
    }

    /** A continuation on a foreign future, adopted so that it follows the code that registered it. */
    @GET
    @Path("adopted")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> adopted(@QueryParam("key") String key) {
        return loop.adopt(Mailbox.future(key)).thenApply(value -> value + " seen by " + caller.id());
    }

    /** B: completes the key from a task on the event loop, inside its own request. */
    @GET
    @Path("complete")
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> complete(@QueryParam("key") String key) {
        return loop.submit(() -> {
            Mailbox.complete(key, "from " + caller.id());
            return "completed";
        });
    }
}
