package io.aiojakarta.internal.dispatch;

import io.aiojakarta.internal.context.ContextSnapshot;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Hands an invocation's outcome back to its caller's context: runs the step that answers the caller
 * (completing the stage Jakarta REST waits on, or resuming its {@code AsyncResponse}, which runs the
 * response filters, writers and exception mappers) on a fresh greenlet with the caller's own
 * context, never with the context of whichever thread settled the invocation. Greenlets may block,
 * as a legacy response filter might. When no greenlet can be had, the step runs on the invocation's
 * loop instead. Stateless and thread-safe.
 */
final class Resumption {

    private final Executor greenlets;

    Resumption(Executor greenlets) {
        this.greenlets = greenlets;
    }

    /**
     * Runs the step with the caller's context.
     *
     * @param origin the caller's context
     * @param home the invocation's loop, the fallback
     * @param step answers the caller
     */
    void resume(ContextSnapshot origin, Executor home, Runnable step) {
        Runnable bound = origin.wrap(step);
        try {
            greenlets.execute(bound);
        } catch (RejectedExecutionException noGreenlet) {
            try {
                home.execute(bound);
            } catch (RejectedExecutionException loopStopped) {
                bound.run(); // stopping: answer on this thread rather than never
            }
        }
    }
}
