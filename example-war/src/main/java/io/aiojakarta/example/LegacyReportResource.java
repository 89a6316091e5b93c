package io.aiojakarta.example;

import io.aiojakarta.AsyncView;
import io.aiojakarta.Mapper;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * A legacy blocking resource, unchanged but for one annotation: its body runs on the executor, so
 * its blocking call never stalls the event loop.
 */
@Path("legacy/report")
@AsyncView(Mapper.EXECUTOR)
public class LegacyReportResource {

    /**
     * The report.
     *
     * @param name the report's name
     * @param queryMillis how long the blocking query took
     * @param thread where the query ran
     */
    public record Report(String name, long queryMillis, String thread) {
    }

    /** For CDI. */
    public LegacyReportResource() {
    }

    /**
     * Runs a slow, blocking "query".
     *
     * @param millis how long the query blocks, at most 10 seconds
     * @return the report
     * @throws InterruptedException when the request is cancelled
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Report report(@QueryParam("millis") @DefaultValue("100") long millis) throws InterruptedException {
        long blocked = Math.clamp(millis, 0, 10_000);
        Thread.sleep(blocked); // stands for a JDBC call or any other blocking API
        return new Report("quarterly", blocked, Thread.currentThread().getName());
    }
}
