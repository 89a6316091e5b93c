package io.aiojakarta.it.failures;

import io.aiojakarta.AsyncView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("good")
@AsyncView
public class GoodResource {

    @GET
    public String get() {
        return "good";
    }
}
