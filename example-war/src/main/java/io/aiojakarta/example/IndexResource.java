package io.aiojakarta.example;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The page at {@code /}: explains the endpoints and lets a person try them.
 */
@Path("/")
@ApplicationScoped
public class IndexResource {

    private final String page;

    /** Loads the page once. */
    public IndexResource() {
        try (InputStream in = IndexResource.class.getResourceAsStream("index.html")) {
            if (in == null) {
                throw new IllegalStateException("index.html is missing next to " + IndexResource.class.getName());
            }
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
