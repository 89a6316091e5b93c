package io.aiojakarta.example;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.URI;
import java.util.concurrent.CompletionStage;

/**
 * Calls the upstream services through the Jakarta REST client's reactive invoker. One client for
 * the application, closed with it. Thread-safe.
 */
@ApplicationScoped
public class UpstreamClient {

    private final Client client = ClientBuilder.newClient();

    /** For CDI. */
    public UpstreamClient() {
    }

    /**
     * Starts one upstream call.
     *
     * @param base the application's base URI
     * @param name the upstream's name
     * @param delayMillis how long the upstream takes
     * @return the quote, completed on a client thread
     */
    public CompletionStage<UpstreamResource.Quote> quote(URI base, String name, long delayMillis) {
        return client.target(base).path("upstream").path(name).queryParam("delay", delayMillis)
                .request().rx().get(UpstreamResource.Quote.class);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
