package io.aiojakarta.it.websocket;

import io.aiojakarta.embedded.websocket.IgnoringSlowReplyConnection;
import io.aiojakarta.embedded.websocket.SlowReplyConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** What the endpoints observed, read over HTTP (they run in the server's JVM). */
@Path("stats")
@ApplicationScoped
public class StatsResource {

    @GET
    public String stats() {
        Throwable error = SlowReplyConnection.ERRORS.peek();
        return "open=" + SlowReplyConnection.OPEN.get()
                + " errors=" + SlowReplyConnection.ERRORS.size()
                + " error=" + (error == null ? "none" : error.getClass().getSimpleName() + ":" + error.getMessage())
                + " ignoringErrors=" + IgnoringSlowReplyConnection.ERRORS.size()
                + " ignoringAttempted=" + IgnoringSlowReplyConnection.ATTEMPTED.size();
    }
}
