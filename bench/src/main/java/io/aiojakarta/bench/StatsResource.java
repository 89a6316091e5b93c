package io.aiojakarta.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The server's heap and threads, for the in-flight scenario, and its count of answered requests
 * with its clock, for P1's steady throughput.
 */
@Path("stats")
@ApplicationScoped
public class StatsResource {

    @Inject
    AnsweredResponses answered;

    /** For CDI. */
    public StatsResource() {
    }

    /**
     * Heap in use (optionally after a full GC), live platform threads, the responses the
     * application has produced and the server's {@link System#nanoTime()} when they were counted.
     *
     * @param gc whether to run a full GC first
     * @return {@code {"heapBytes":..,"threads":..,"answered":..,"nanos":..}}
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String stats(@QueryParam("gc") boolean gc) {
        if (gc) {
            System.gc();
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        return "{\"heapBytes\":" + memory.getHeapMemoryUsage().getUsed()
                + ",\"threads\":" + ManagementFactory.getThreadMXBean().getThreadCount()
                + ",\"answered\":" + answered.count() + ",\"nanos\":" + System.nanoTime() + "}";
    }
}
