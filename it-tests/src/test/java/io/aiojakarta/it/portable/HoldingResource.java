package io.aiojakarta.it.portable;

import io.aiojakarta.AsyncView;
import io.aiojakarta.Mapper;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** Holds its request's greenlet for a while: the request's own greenlet runs the body inline. */
@Path("hold")
@RequestScoped
public class HoldingResource {

    @GET
    @AsyncView(Mapper.GREENLET)
    public String hold(@QueryParam("millis") long millis) throws InterruptedException {
        Thread.sleep(millis);
        return "held";
    }
}
