package io.aiojakarta.bench;

import io.aiojakarta.AsyncView;
import io.aiojakarta.EventLoop;
import io.aiojakarta.Mapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.resteasy.client.jaxrs.ResteasyClientBuilder;

/**
 * P5: a COROUTINE resource that calls three upstreams at once (the benchmark server's own 100 ms
 * resource) and answers when all three have, through one of the HTTP clients a user would pick:
 * <ul>
 * <li>{@code jaxrs-default}: {@code ClientBuilder.newClient()} and {@code rx()}, as most code does;</li>
 * <li>{@code jaxrs-virtual}: the same, with virtual threads behind {@code rx()} (standard API only);</li>
 * <li>{@code resteasy-sized}: RESTEasy's client with a connection pool sized for the load and virtual
 * threads behind {@code rx()} (RESTEasy's own builder);</li>
 * <li>{@code jdk}: the JDK's non-blocking {@code HttpClient}, completing on virtual threads.</li>
 * </ul>
 * The upstream's address comes from the {@value #UPSTREAM} system property, which the benchmark
 * server sets once it listens. One instance; each client is thread-safe.
 */
@Path("fanout/{client}")
@ApplicationScoped
public class FanOutResource {

    /** The system property that names the upstream resource's address (without its query). */
    public static final String UPSTREAM = "aiojakarta.bench.upstream";

    private static final int UPSTREAMS = 3;

    private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final Client jaxrsDefault = ClientBuilder.newClient();
    private final Client jaxrsVirtual = ClientBuilder.newBuilder().executorService(virtualThreads).build();
    private final Client resteasySized = ((ResteasyClientBuilder) ClientBuilder.newBuilder())
            .connectionPoolSize(4 * 1024).maxPooledPerRoute(4 * 1024).executorService(virtualThreads).build();
    private final HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(virtualThreads).build();

    @Inject
    EventLoop loop;

    /** For CDI. */
    public FanOutResource() {
    }

    /**
     * Calls the upstream three times at once.
     *
     * @param client which client: {@code jaxrs-default}, {@code jaxrs-virtual}, {@code resteasy-sized} or {@code jdk}
     * @param millis each upstream call's delay
     * @return the three answers, joined
     */
    @GET
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> fanOut(@PathParam("client") String client, @QueryParam("ms") @DefaultValue("100") long millis) {
        URI upstream = URI.create(System.getProperty(UPSTREAM) + "?ms=" + millis);
        List<CompletableFuture<String>> calls = java.util.stream.IntStream.range(0, UPSTREAMS)
                .mapToObj(i -> call(client, upstream).toCompletableFuture()).toList();
        return loop.adopt(CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)))
                .thenApply(ignored -> String.join(",", calls.stream().map(CompletableFuture::join).toList()));
    }

    private CompletionStage<String> call(String client, URI upstream) {
        return switch (client) {
            case "jaxrs-default" -> jaxrsDefault.target(upstream).request().rx().get(String.class);
            case "jaxrs-virtual" -> jaxrsVirtual.target(upstream).request().rx().get(String.class);
            case "resteasy-sized" -> resteasySized.target(upstream).request().rx().get(String.class);
            case "jdk" -> jdk.sendAsync(HttpRequest.newBuilder(upstream).build(), HttpResponse.BodyHandlers.ofString())
                    .thenApply(FanOutResource::body);
            default -> throw new NotFoundException("no client " + client);
        };
    }

    private static String body(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("upstream answered " + response.statusCode());
        }
        return response.body();
    }

    @PreDestroy
    void close() {
        jaxrsDefault.close();
        jaxrsVirtual.close();
        resteasySized.close();
        jdk.close();
        virtualThreads.close();
    }
}
