package io.aiojakarta.example;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The chat page at {@code /chat}.
 */
@Path("chat")
@ApplicationScoped
public class ChatPageResource {

    private final String page = Pages.load("chat.html");

    /** For CDI. */
    public ChatPageResource() {
    }

    /**
     * The page.
     *
     * @return the HTML
     */
    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public String chat() {
        return page;
    }
}
