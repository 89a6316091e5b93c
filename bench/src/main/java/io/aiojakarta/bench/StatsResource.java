package io.aiojakarta.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The server's heap and threads, for the in-flight scenario. */
@Path("stats")
@ApplicationScoped
public class StatsResource {

    /** For CDI. */
    public StatsResource() {
    }

    /**
     * Heap in use (optionally after a full GC) and live platform threads.
     *
     * @param gc whether to run a full GC first
     * @return {@code {"heapBytes":..,"threads":..}}
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String stats(@QueryParam("gc") boolean gc) {
        if (gc) {
            System.gc();
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        return "{\"heapBytes\":" + memory.getHeapMemoryUsage().getUsed()
                + ",\"threads\":" + ManagementFactory.getThreadMXBean().getThreadCount() + "}";
    }
}
