package io.aiojakarta.embedded;

import java.io.Serial;

/**
 * Thrown by {@link AioServer.Builder#start()} when the host and port cannot be bound, for example
 * because another process listens there. Nothing has been deployed when it is thrown.
 */
public final class PortUnavailableException extends IllegalStateException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the host and port and the cause
     * @param cause what the listener reported
     */
    public PortUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
