package io.aiojakarta;

import java.io.Serial;

/**
 * Thrown (or completing a send's stage) when a message is sent on a WebSocket connection that has
 * been closed, by the peer or the server: the counterpart of Aiopyramid's {@code WebsocketClosed}.
 * A hook annotated with {@link IgnoreWebSocketClosed} swallows it.
 */
public class WebSocketClosedException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the connection and what could not be sent
     * @param cause what the container reported, or {@code null}
     */
    public WebSocketClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
