package io.aiojakarta.example;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The page at {@code /}: explains the endpoints and lets a person try them.
 */
@Path("/")
@ApplicationScoped
public class IndexResource {

    private final String page = Pages.load("index.html");

    /** For CDI. */
    public IndexResource() {
    }

    /**
     * The page.
     *
     * @return the HTML
     */
    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public String index() {
        return page;
    }
}
