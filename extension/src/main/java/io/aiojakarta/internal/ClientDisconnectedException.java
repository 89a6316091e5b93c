package io.aiojakarta.internal;

import java.io.Serial;
import java.util.concurrent.CancellationException;

/**
 * Completes a request whose client disconnected while its work ran: the work was cancelled, and
 * nobody is left to read an answer. Mapped quietly, without an error log.
 */
public final class ClientDisconnectedException extends CancellationException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the method whose client left
     */
    public ClientDisconnectedException(String message) {
        super(message);
    }
}
