package io.aiojakarta;

/**
 * Where the body of an {@link AsyncView} method runs: the Aiojakarta counterpart of Aiopyramid's
 * view mappers.
 *
 * <p>Each constant is bound to one interceptor of the {@code aiojakarta-interceptors} jar.
 */
public enum Mapper {

    /**
     * Chosen per method from its declared return type: a method returning {@code CompletionStage}
     * (or taking {@code @Suspended AsyncResponse}) is treated as {@link #COROUTINE}, any other
     * method as {@link #EXECUTOR}. The default of {@link AsyncView}.
     */
    COROUTINE_OR_EXECUTOR,

    /**
     * The body runs on the event loop; the interceptor returns a stage at once, so no thread waits
     * for the result. Only for methods returning {@code CompletionStage} or taking
     * {@code @Suspended AsyncResponse}; anything else is a deployment error.
     */
    COROUTINE,

    /**
     * The body is blocking code and runs on the executor (the server's
     * {@code ManagedExecutorService}, else a bounded pool); the calling greenlet parks until it is
     * done, a calling platform thread blocks.
     */
    EXECUTOR,

    /**
     * The body runs on a greenlet (a virtual thread carrying the request's context), inline when
     * the caller already is one; it may {@link GreenletBridge#await await} stages freely.
     */
    GREENLET
}
