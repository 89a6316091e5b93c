package io.aiojakarta.it.failures;

import io.aiojakarta.AsyncView;
import io.aiojakarta.Mapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("bad")
@AsyncView(Mapper.COROUTINE)
public class BadCoroutineResource {

    @GET
    public String list() {
        return "not a stage";
    }
}
