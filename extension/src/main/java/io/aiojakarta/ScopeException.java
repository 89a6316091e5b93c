package io.aiojakarta;

import java.io.Serial;

/**
 * Thrown when an Aiojakarta operation is called from a thread where it cannot work: awaiting a
 * stage on the event loop (which would deadlock the loop) or, in strict mode, awaiting on a platform
 * thread (a greenlet, or any other virtual thread, parks instead). The counterpart of Aiopyramid's
 * {@code ScopeError}.
 *
 * <p>The message always names the operation, the thread and what to do instead.
 */
public class ScopeException extends IllegalStateException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was called, on which thread, and what to do instead
     */
    public ScopeException(String message) {
        super(message);
    }
}
