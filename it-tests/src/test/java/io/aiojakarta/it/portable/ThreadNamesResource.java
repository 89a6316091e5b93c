package io.aiojakarta.it.portable;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.stream.Collectors;

/** Deployed without Aiojakarta: lists the server's live platform threads whose name starts with a prefix. */
@Path("threads")
public class ThreadNamesResource {

    @GET
    public String named(@QueryParam("prefix") String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> name.startsWith(prefix))
                .sorted()
                .collect(Collectors.joining(","));
    }
}
