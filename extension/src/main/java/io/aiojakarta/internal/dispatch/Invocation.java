package io.aiojakarta.internal.dispatch;

import io.aiojakarta.internal.Stages;
import io.aiojakarta.internal.context.ContextSnapshot;
import io.aiojakarta.internal.loop.ContextualStage;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The handle of one mapped invocation: the one place where it is settled and cancelled. Whoever
 * comes first (the body with its outcome, the timeout, the client's disconnect, the drain) settles
 * it; everyone else finds it settled.
 *
 * <ul>
 *   <li>A body that has not started when the invocation is settled never starts.</li>
 *   <li>A running body is cancelled at most once: a coroutine's stage is cancelled on the
 *       invocation's own loop with the request's context; a blocking body is interrupted, and only
 *       while it runs, so that the interrupt never reaches another task of a pooled thread.</li>
 *   <li>Settling answers the caller (through its {@link Answer}), then releases what the invocation
 *       holds (its deadline, its place in flight). A cancelled coroutine's caller is answered once
 *       its stage has been cancelled, so that the stage's handlers still run within the request.</li>
 * </ul>
 * Thread-safe.
 */
final class Invocation implements BiConsumer<Object, Throwable> {

    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int FINISHED = 2;
    private static final int NEVER_STARTED = 3;

    final ViewPlan plan;
    /**
     * The intercepted call, until its body starts: a waiting coroutine keeps no part of the
     * container's interception chain (or the call's arguments) alive. Read and cleared by the one
     * thread that starts the body.
     */
    private InvocationContext context;
    /** The caller's context; {@code null} for a body run inline on the caller's thread. */
    final ContextSnapshot origin;
    /** The loop a coroutine's body runs on; {@code null} for a blocking body. */
    private final Executor home;
    private static final AtomicIntegerFieldUpdater<Invocation> BODY =
            AtomicIntegerFieldUpdater.newUpdater(Invocation.class, "body");
    private static final AtomicIntegerFieldUpdater<Invocation> SETTLED =
            AtomicIntegerFieldUpdater.newUpdater(Invocation.class, "settled");

    private volatile int body = QUEUED;
    private volatile int settled;
    private final Answer answer;
    private final Consumer<Invocation> release;
    private volatile Future<?> deadline;
    private volatile CompletionStage<?> bodyStage;
    private Thread worker;
    private boolean interruptDelivered;

    /**
     * Creates the handle.
     *
     * @param plan the method's plan
     * @param context the intercepted invocation
     * @param origin the caller's context, or {@code null} for a body run inline
     * @param home the loop of a coroutine body, or {@code null} for a blocking one
     * @param answer tells the caller the outcome
     * @param release gives back what the invocation holds once it is settled; must not block
     */
    Invocation(ViewPlan plan, InvocationContext context, ContextSnapshot origin, Executor home, Answer answer,
            Consumer<Invocation> release) {
        this.plan = plan;
        this.context = context;
        this.origin = origin;
        this.home = home;
        this.answer = answer;
        this.release = release;
    }

    /** Keeps the deadline, so that settling disarms it. Called before the body can start. */
    void deadline(Future<?> armed) {
        this.deadline = armed;
        if (settled != 0) {
            armed.cancel(false);
        }
    }

    boolean isSettled() {
        return settled != 0;
    }

    /**
     * Settles the invocation with the body's outcome and answers the caller, unless it is settled
     * already.
     *
     * @param value the value, when {@code failure} is {@code null}
     * @param failure the failure, possibly wrapped
     * @return {@code true} when this call settled it
     */
    boolean settle(Object value, Throwable failure) {
        if (!SETTLED.compareAndSet(this, 0, 1)) {
            return false;
        }
        disarm();
        deliver(value, failure);
        return true;
    }

    /** Answers the caller, then gives back what the invocation holds. */
    private void deliver(Object value, Throwable failure) {
        try {
            if (failure == null) {
                answer.value(value);
            } else {
                answer.failure(Stages.unwrap(failure));
            }
        } finally {
            release.accept(this);
        }
    }

    /**
     * Settles the invocation without answering: the caller has been answered by someone else (a
     * JAX-RS {@code AsyncResponse} resumed directly).
     */
    void settleAnswered() {
        if (SETTLED.compareAndSet(this, 0, 1)) {
            disarm();
            release.accept(this);
        }
    }

    private void disarm() {
        Future<?> armed = deadline;
        if (armed != null) {
            armed.cancel(false);
        }
    }

    /**
     * Settles the invocation with a failure and stops its work: a body not started never starts, a
     * running one is cancelled once.
     *
     * @param reason what the caller receives
     * @return {@code true} when this call settled the invocation
     */
    boolean cancel(Throwable reason) {
        if (!SETTLED.compareAndSet(this, 0, 1)) {
            return false;
        }
        disarm();
        if (BODY.compareAndSet(this, QUEUED, NEVER_STARTED)) {
            deliver(null, reason);
        } else if (home != null) {
            stopCoroutineThenAnswer(reason);
        } else {
            interruptWorker();
            deliver(null, reason);
        }
        return true;
    }

    /**
     * Cancels the coroutine's stage on its own loop, with the caller's context, and only then
     * answers the caller: the stage's handlers still find the request's instances, which the end
     * of the response destroys.
     */
    private void stopCoroutineThenAnswer(Throwable reason) {
        try {
            // queued behind the body's task when the body is still running, so the stage is known then
            home.execute(origin.wrap(() -> {
                try {
                    CompletionStage<?> stage = bodyStage;
                    if (stage != null) {
                        stage.toCompletableFuture().cancel(true);
                    }
                } catch (UnsupportedOperationException cannotCancel) {
                    // a stage that cannot be viewed as a future cannot be cancelled: its outcome is ignored
                } finally {
                    deliver(null, reason);
                }
            }));
        } catch (RejectedExecutionException loopStopped) {
            deliver(null, reason); // the loop is gone, and with it everything the stage could still run
        }
    }

    private synchronized void interruptWorker() {
        if (worker != null) {
            interruptDelivered = true;
            worker.interrupt();
        }
    }

    /**
     * The body's stage completed: settles the invocation with its outcome. The invocation is its
     * own callback, so that a waiting coroutine holds no extra object for it.
     */
    @Override
    public void accept(Object value, Throwable failure) {
        settle(value, failure);
    }

    /** The intercepted call, once: the body starts with it, and the invocation lets go of it. */
    private InvocationContext takeContext() {
        InvocationContext call = context;
        context = null;
        return call;
    }

    /**
     * On the invocation's loop, with the caller's context applied: runs a coroutine body unless the
     * invocation was settled before it could start.
     */
    void runCoroutine() {
        if (!BODY.compareAndSet(this, QUEUED, RUNNING)) {
            return;
        }
        Object returned;
        try {
            returned = takeContext().proceed();
        } catch (Throwable failure) {
            settle(null, failure);
            return;
        }
        if (returned instanceof CompletionStage<?> stage) {
            bodyStage = stage;
            try {
                if (stage instanceof ContextualStage<?> ours) {
                    ours.whenCompleteInline(this); // settling needs no context: the answer applies the caller's
                } else {
                    stage.whenComplete(this);
                }
            } catch (RuntimeException brokenStage) {
                settle(null, brokenStage);
            }
        } else if (plan.returns() != ViewPlan.Returns.SUSPENDED) {
            settle(returned, null);
        }
    }

    /**
     * On a pool thread: runs a blocking body with the caller's context, unless the invocation was
     * settled before it could start. The thread's interrupt flag is clear when this returns.
     */
    void runBlocking() {
        if (!BODY.compareAndSet(this, QUEUED, RUNNING)) {
            return;
        }
        synchronized (this) {
            worker = Thread.currentThread();
        }
        Object value = null;
        Throwable failure = null;
        try {
            value = origin.call(takeContext()::proceed);
        } catch (Throwable thrown) {
            failure = thrown;
        } finally {
            synchronized (this) {
                worker = null;
            }
            body = FINISHED;
            Thread.interrupted(); // a pooled thread carries no interrupt on to its next task
        }
        // settled once the hop's context is closed, so that the caller finds the hop's instances
        settle(value, failure);
    }

    /**
     * On the caller's own thread, which already belongs to the body's pool: runs the body there. An
     * interrupt this invocation delivered is cleared again; any other is left alone.
     */
    void runInline() {
        body = RUNNING;
        synchronized (this) {
            worker = Thread.currentThread();
        }
        Object value = null;
        Throwable failure = null;
        try {
            value = takeContext().proceed();
        } catch (Throwable thrown) {
            failure = thrown;
        } finally {
            boolean ours;
            synchronized (this) {
                worker = null;
                ours = interruptDelivered;
            }
            body = FINISHED;
            if (ours) {
                Thread.interrupted();
            }
        }
        settle(value, failure);
    }
}
