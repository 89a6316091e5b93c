package io.aiojakarta.embedded.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The answers to a burst of concurrent requests against a bound, each either served (200) or
 * refused the way Aiojakarta refuses: 503 with {@code Retry-After: 1} and a problem details body.
 *
 * @param served the 200 answers
 * @param refused the 503 answers
 */
public record Burst(List<HttpResponse<String>> served, List<HttpResponse<String>> refused) {

    /**
     * Waits for every answer and checks that each is served or properly refused.
     *
     * @param answers the requests in flight
     * @param seconds how long to wait for each
     * @return the answers, sorted
     * @throws Exception when an answer fails or does not come in time
     */
    public static Burst of(List<CompletableFuture<HttpResponse<String>>> answers, long seconds) throws Exception {
        List<HttpResponse<String>> served = new ArrayList<>();
        List<HttpResponse<String>> refused = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(seconds, TimeUnit.SECONDS);
            if (response.statusCode() == 200) {
                served.add(response);
                continue;
            }
            assertEquals(503, response.statusCode(), response::body);
            assertEquals("1", response.headers().firstValue("Retry-After").orElse(null), () -> "503 without Retry-After: " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    response.headers().map()::toString);
            assertTrue(response.body().contains("\"status\":503"), response::body);
            refused.add(response);
        }
        return new Burst(served, refused);
    }
}
