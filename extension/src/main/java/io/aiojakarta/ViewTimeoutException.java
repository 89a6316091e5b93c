package io.aiojakarta;

import java.io.Serial;

/**
 * The body of a mapped method did not finish within its timeout ({@code @AsyncView(timeoutMillis)}
 * or {@code aiojakarta.timeout-millis}): its work has been cancelled (a coroutine's stage cancelled,
 * a blocking or greenlet body interrupted). Jakarta REST answers it with 503 Service Unavailable
 * unless the application maps it otherwise.
 */
public class ViewTimeoutException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the method and the timeout
     */
    public ViewTimeoutException(String message) {
        super(message);
    }
}
