package io.aiojakarta.internal.websocket;

import io.aiojakarta.internal.ClassPresence;
import io.aiojakarta.internal.undertow.UndertowCloseFrame;
import jakarta.websocket.Session;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a normal close frame and tells when it is written, where the container can tell: Jakarta
 * WebSocket's {@code Session.close()} has no completion callback, and Undertow calls
 * {@code @OnClose} before the frame is written. On Undertow (embedded, WildFly) the frame goes
 * through Undertow's own API with a callback; elsewhere {@link #sendNormalClose} declines, and the
 * caller closes the portable way. Stateless and thread-safe.
 */
final class CloseFrames {

    private static final boolean UNDERTOW =
            ClassPresence.visible("io.undertow.websockets.jsr.UndertowSession", "io.undertow.websockets.core.WebSockets");

    private CloseFrames() {
    }


    /**
     * Sends a normal close frame (1000) when the container can report its write.
     *
     * @param session the connection
     * @param written completed once the frame is written, or failed
     * @return {@code false} when the container cannot report it: nothing was sent
     */
    static boolean sendNormalClose(Session session, CompletableFuture<Void> written) {
        return UNDERTOW && UndertowCloseFrame.send(session, written);
    }
}
