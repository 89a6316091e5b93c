package io.aiojakarta.internal.dispatch;

import io.aiojakarta.internal.Stages;
import io.aiojakarta.internal.context.ContextSnapshot;
import jakarta.ws.rs.container.AsyncResponse;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** The three ways an invocation's caller is answered. Stateless factory. */
final class Answers {

    private Answers() {
    }

    /** A caller waiting on its own thread (a blocking body): completes the future it waits on. */
    static final class WaitingCaller implements Answer {

        private final CompletableFuture<Object> outcome = new CompletableFuture<>();

        @Override
        public void value(Object value) {
            outcome.complete(value);
        }

        @Override
        public void failure(Throwable failure) {
            outcome.completeExceptionally(failure);
        }

        /**
         * Parks (a greenlet) or blocks (a platform thread) until the invocation is settled.
         *
         * @return the body's value
         * @throws CancellationException when the waiting thread is interrupted (its flag is set again)
         */
        Object await() {
            return Stages.join(outcome);
        }
    }

    /** A coroutine's caller holding a stage: it is completed on the caller's context. */
    static Answer completing(CompletableFuture<Object> response, Resumption resumption, ContextSnapshot origin,
            Executor home) {
        return new Answer() {
            @Override
            public void value(Object value) {
                resumption.resume(origin, home, () -> response.complete(value));
            }

            @Override
            public void failure(Throwable failure) {
                resumption.resume(origin, home, () -> response.completeExceptionally(failure));
            }
        };
    }

    /** A {@code @Suspended AsyncResponse} coroutine: the real response is resumed on the caller's context. */
    static Answer resuming(AsyncResponse response, Resumption resumption, ContextSnapshot origin, Executor home) {
        return new Answer() {
            @Override
            public void value(Object value) {
                resumption.resume(origin, home, () -> response.resume(value));
            }

            @Override
            public void failure(Throwable failure) {
                if (failure instanceof SuspendedResponse.CancelledByBody cancelled) {
                    resumption.resume(origin, home, () -> cancelled.apply(response));
                } else {
                    resumption.resume(origin, home, () -> response.resume(failure));
                }
            }
        };
    }

    /** No caller to answer (a {@code @Suspended} coroutine called outside Jakarta REST). */
    static Answer nobody(Consumer<Throwable> report) {
        return new Answer() {
            @Override
            public void value(Object value) {
                // nobody asked
            }

            @Override
            public void failure(Throwable failure) {
                report.accept(failure);
            }
        };
    }
}
