package io.aiojakarta.embedded.interaction;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/**
 * What the interaction resources recorded, over HTTP, so that the same scenarios can check it on
 * the embedded server and on a server the tests only reach through the network. Takes {@code of},
 * never {@code id}: {@link CallerFilter} would make the probe a caller of that id.
 */
@Path("probe")
public class ProbeResource {

    /** Whether a body with this id has started. */
    @GET
    @Path("started")
    public String started(@QueryParam("of") String id) {
        return String.valueOf(QueuedResource.STARTED.contains(id));
    }

    /** Whether a request waits on the mailbox key. */
    @GET
    @Path("waiting")
    public String waiting(@QueryParam("of") String key) {
        return String.valueOf(Mailbox.waiting(key));
    }

    /** What the cancelled stage's handlers of this id saw, "handler thread|body thread|caller", or nothing. */
    @GET
    @Path("cancellation")
    public String cancellation(@QueryParam("of") String id) {
        return QueuedResource.CANCELLATIONS.getOrDefault(id, "");
    }

    /** What a body past its timeout found of its caller, or nothing while it still runs. */
    @GET
    @Path("outlived")
    public String outlived(@QueryParam("of") String id) {
        return QueuedResource.OUTLIVED.getOrDefault(id, "");
    }

    /** How often the caller of this id was destroyed. */
    @GET
    @Path("destroyed")
    public String destroyed(@QueryParam("of") String id) {
        return String.valueOf(Caller.DESTROYED_BY_ID.getOrDefault(id, 0));
    }
}
