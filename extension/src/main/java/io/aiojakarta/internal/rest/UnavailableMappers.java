package io.aiojakarta.internal.rest;

import io.aiojakarta.ViewTimeoutException;
import io.aiojakarta.internal.ClientDisconnectedException;
import io.aiojakarta.internal.ProblemDetails;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.concurrent.RejectedExecutionException;

/**
 * Answers Aiojakarta's refusals with 503 Service Unavailable and a {@link ProblemDetails} body: a
 * saturated executor or greenlet bound (with {@code Retry-After}), and a mapped body that ran out
 * of time. Registered through
 * {@code META-INF/services/jakarta.ws.rs.ext.Providers}; an application mapper for the same
 * exception type takes precedence. Stateless and thread-safe.
 */
public final class UnavailableMappers {

    private UnavailableMappers() {
    }

    /** Maps a refused task (executor queue full, greenlet bound reached, pool shut down) to 503. */
    public static final class Rejected implements ExceptionMapper<RejectedExecutionException> {

        /** For Jakarta REST. */
        public Rejected() {
        }

        @Override
        public Response toResponse(RejectedExecutionException exception) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "1")
                    .type(ProblemDetails.MEDIA_TYPE)
                    .entity(ProblemDetails.unavailable("busy: try again shortly"))
                    .build();
        }
    }

    /** Ends a request whose client left quietly: nothing is logged, and nobody reads the 503. */
    public static final class ClientGone implements ExceptionMapper<ClientDisconnectedException> {

        /** For Jakarta REST. */
        public ClientGone() {
        }

        @Override
        public Response toResponse(ClientDisconnectedException exception) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).build();
        }
    }

    /** Maps a timed-out body to 503. */
    public static final class TimedOut implements ExceptionMapper<ViewTimeoutException> {

        /** For Jakarta REST. */
        public TimedOut() {
        }

        @Override
        public Response toResponse(ViewTimeoutException exception) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .type(ProblemDetails.MEDIA_TYPE)
                    .entity(ProblemDetails.unavailable("timed out"))
                    .build();
        }
    }
}
