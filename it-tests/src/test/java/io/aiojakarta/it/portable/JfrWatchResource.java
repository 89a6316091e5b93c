package io.aiojakarta.it.portable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jdk.jfr.consumer.RecordingStream;

/**
 * Watches the server JVM's flight recorder for Aiojakarta's loop-stall events, from inside the
 * application, and reports what it saw: {@code loopThread|runningMillis|culpritOnTheStack} per event.
 */
@Path("jfr")
@ApplicationScoped
public class JfrWatchResource {

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private RecordingStream stream;

    @POST
    @Path("start")
    public synchronized String start() {
        if (stream == null) {
            stream = new RecordingStream();
            stream.enable("io.aiojakarta.LoopStall");
            stream.onEvent("io.aiojakarta.LoopStall", event -> seen.add(event.getString("loopThread") + "|"
                    + event.getLong("runningMillis") + "|" + event.getString("stack").contains("SlowResource.blockingLookup")));
            stream.startAsync();
        }
        return "watching";
    }

    @GET
    @Path("seen")
    public String seen() {
        return String.join(",", seen);
    }

    @POST
    @Path("stop")
    public synchronized String stop() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
        return "stopped";
    }
}
