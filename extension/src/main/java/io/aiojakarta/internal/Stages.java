package io.aiojakarta.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Small helpers for stages and the exceptions that complete them. Stateless and thread-safe.
 */
public final class Stages {

    private Stages() {
    }

    /**
     * Strips the wrappers that {@code CompletableFuture} and {@code Future} put around a failure.
     *
     * @param failure a failure as seen by a dependent stage or {@code Future.get()}
     * @return the original exception
     */
    public static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /**
     * Throws any exception, checked ones included, without declaring it: lets a failure reach the
     * caller as the same exception that completed a stage.
     *
     * @param failure the exception to throw
     * @return never returns; declared so that callers can write {@code throw sneakyThrow(e)}
     */
    public static RuntimeException sneakyThrow(Throwable failure) {
        throw Stages.<RuntimeException>uncheckedCast(failure);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E uncheckedCast(Throwable failure) throws E {
        throw (E) failure;
    }

    /**
     * Views any stage as a {@code CompletableFuture}, also stages whose {@code toCompletableFuture}
     * is unsupported.
     *
     * @param stage the stage
     * @param <T> its value type
     * @return a future completed with the stage's outcome
     */
    public static <T> CompletableFuture<T> future(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture();
        } catch (UnsupportedOperationException minimalStage) {
            CompletableFuture<T> future = new CompletableFuture<>();
            stage.whenComplete((value, failure) -> {
                if (failure == null) {
                    future.complete(value);
                } else {
                    future.completeExceptionally(unwrap(failure));
                }
            });
            return future;
        }
    }

    /**
     * Waits for a stage on the calling thread and returns its value, or throws its original
     * exception.
     *
     * @param stage the stage
     * @param <T> its value type
     * @return the value
     * @throws CancellationException when the stage was cancelled or the wait interrupted (the
     *     interrupt flag is then set again)
     */
    public static <T> T join(CompletionStage<T> stage) {
        CompletableFuture<T> future = future(stage);
        try {
            return future.get();
        } catch (ExecutionException failed) {
            throw sneakyThrow(unwrap(failed));
        } catch (CancellationException cancelled) {
            // JDK 25's get() throws a new CancellationException caused by the one the future was completed
            // with (AIOJ-0702's ClientDisconnectedException, say), JDK 21's that one itself: throw that one
            throw cancelled.getCause() instanceof CancellationException original ? original : cancelled;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            CancellationException cancelled = new CancellationException("interrupted while awaiting a stage");
            cancelled.initCause(interrupted);
            throw cancelled;
        }
    }
}
