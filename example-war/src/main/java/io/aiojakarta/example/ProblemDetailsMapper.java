package io.aiojakarta.example;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers the starter's client and server errors ({@code BadRequestException} and the other
 * {@link WebApplicationException}s) as RFC 9457 problem details, {@code application/problem+json},
 * with the status's title and the exception's message as the detail, keeping the response's
 * headers. Aiojakarta's own 503s (a refusal, a timeout) have the same shape. Responses below 400
 * pass unchanged. Stateless and thread-safe.
 */
@Provider
public class ProblemDetailsMapper implements ExceptionMapper<WebApplicationException> {

    /** The media type of a problem details document. */
    public static final String PROBLEM_JSON = "application/problem+json";

    /**
     * A problem details document.
     *
     * @param type {@code about:blank}: the status says it all
     * @param title the status's reason phrase
     * @param status the HTTP status
     * @param detail what went wrong with this request
     */
    public record Problem(String type, String title, int status, String detail) {
    }

    /** For Jakarta REST. */
    public ProblemDetailsMapper() {
    }

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original.getStatus() < 400) {
            return original;
        }
        Response.StatusType status = original.getStatusInfo();
        return Response.fromResponse(original)
                .type(PROBLEM_JSON)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), exception.getMessage()))
                .build();
    }
}
