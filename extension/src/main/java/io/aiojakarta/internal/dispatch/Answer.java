package io.aiojakarta.internal.dispatch;

/**
 * How the caller of one invocation learns its outcome: exactly one of the two methods is called,
 * once, by whoever settles the invocation (the body, its timeout, its client's disconnect or the
 * drain), on that thread. Implementations hand the outcome to the caller's own context.
 */
interface Answer {

    /**
     * The body produced a value.
     *
     * @param value the value, possibly {@code null}
     */
    void value(Object value);

    /**
     * The body failed, or the invocation was cancelled.
     *
     * @param failure the original exception (never a {@code CompletionException} wrapper)
     */
    void failure(Throwable failure);
}
