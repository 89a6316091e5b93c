package io.aiojakarta.internal.undertow;

import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import io.undertow.websockets.jsr.UndertowSession;
import jakarta.websocket.Session;
import java.util.concurrent.CompletableFuture;

/**
 * The Undertow side of closing a WebSocket connection with a report of the close frame's write:
 * the frame is sent through Undertow's channel with a callback. Undertow then completes the closing
 * handshake itself when the peer answers, and calls {@code @OnClose}. Stateless and thread-safe.
 */
public final class UndertowCloseFrame {

    private UndertowCloseFrame() {
    }

    /**
     * Sends a normal close frame (1000) on an Undertow session.
     *
     * @param session the connection
     * @param written completed once the frame is written, or failed
     * @return {@code false} when the session is not Undertow's: nothing was sent
     */
    public static boolean send(Session session, CompletableFuture<Void> written) {
        if (!(session instanceof UndertowSession undertow)) {
            return false;
        }
        WebSocketChannel channel = undertow.getWebSocketChannel();
        if (channel.isCloseFrameSent()) {
            written.complete(null);
            return true;
        }
        WebSockets.sendClose(CloseMessage.NORMAL_CLOSURE, "", channel, new WebSocketCallback<Void>() {
            @Override
            public void complete(WebSocketChannel ignored, Void context) {
                written.complete(null);
            }

            @Override
            public void onError(WebSocketChannel ignored, Void context, Throwable failure) {
                written.completeExceptionally(failure);
            }
        });
        return true;
    }
}
