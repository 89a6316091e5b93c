package io.aiojakarta.embedded.deployment;

import io.aiojakarta.AsyncView;
import io.aiojakarta.Mapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** No bean-defining annotation in an 'annotated' bean archive: CDI never sees it. */
@Path("not-a-bean")
public class NotABeanResource {

    @GET
    @AsyncView(Mapper.EXECUTOR)
    public String get() {
        return Thread.currentThread().getName();
    }
}
