package io.aiojakarta.example;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where the fan-out's upstream services live. The system property {@value #PROPERTY} names them
 * when set (a deployment points it at the real services); otherwise the starter calls its own
 * {@code upstream/} resource through the listener that accepted the request: the address and port
 * of the connection, never a {@code Host} or forwarding header, which any client can forge to make
 * the server call a host of its choosing.
 */
public final class UpstreamBase {

    /** The system property naming the upstreams' base address, for example {@code http://quotes.internal/api/}. */
    public static final String PROPERTY = "aiojakarta.example.upstream-base";

    private UpstreamBase() {
    }

    /**
     * The base address for this request's upstream calls.
     *
     * @param request the servlet request (its connection's local address and port)
     * @param uriInfo the request's URI information (only its path: the application's root)
     * @return the configured base, or this application on the accepting listener
     */
    public static URI of(HttpServletRequest request, UriInfo uriInfo) {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return URI.create(configured.endsWith("/") ? configured : configured + "/");
        }
        return ownListener(request, uriInfo);
    }

    /**
     * This application on the listener that accepted the request: its connection's local address
     * and port, never a header.
     *
     * @param request the servlet request
     * @param uriInfo the request's URI information (only its path: the application's root)
     * @return the application's root URI on that listener
     */
    public static URI ownListener(HttpServletRequest request, UriInfo uriInfo) {
        try {
            return new URI(request.isSecure() ? "https" : "http", null, request.getLocalAddr(), request.getLocalPort(),
                    uriInfo.getBaseUri().getRawPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("no upstream address from the listener " + request.getLocalAddr() + ":"
                    + request.getLocalPort(), e);
        }
    }
}
