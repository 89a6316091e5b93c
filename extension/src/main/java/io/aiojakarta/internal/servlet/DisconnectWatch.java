package io.aiojakarta.internal.servlet;

import io.aiojakarta.internal.ClassPresence;
import io.aiojakarta.internal.undertow.UndertowDisconnectWatch;

/**
 * Tells a request's work that its client has gone away, so that nothing keeps running for nobody.
 * Where Undertow's and XNIO's connection classes are visible (the embedded server; WildFly,
 * through the module dependencies the jar's manifest declares), Undertow's connection is watched
 * over HTTP/1.1; elsewhere, for requests {@link GreenletRequestFilter} serves, the server's
 * {@code AsyncListener.onError} for the request is the signal ({@link AsyncDisconnects}).
 * Thread-safe.
 */
public final class DisconnectWatch {

    // Inside WildFly a deployment sees Undertow's servlet and core classes but not XNIO's, which
    // the watch needs: there it stays off.
    private static final boolean UNDERTOW = ClassPresence.visible("io.undertow.servlet.handlers.ServletRequestContext",
            "io.undertow.server.protocol.http.HttpServerConnection", "org.xnio.conduits.ConduitStreamSourceChannel");

    /** Without the Servlet API (a CDI-only application) nothing serves requests to watch. */
    private static final boolean SERVLET = ClassPresence.visible("jakarta.servlet.AsyncListener");

    private DisconnectWatch() {
    }


    /**
     * On the thread serving a request whose body has been read: runs {@code onDisconnect} once, on
     * an I/O thread, if the client closes the connection before the response is complete.
     *
     * @param onDisconnect what to do when the client has gone; must not block
     * @return {@code true} when the connection is being watched
     */
    public static boolean watch(Runnable onDisconnect) {
        if (UNDERTOW) {
            return UndertowDisconnectWatch.watch(onDisconnect);
        }
        return SERVLET && AsyncDisconnects.watch(onDisconnect);
    }
}
