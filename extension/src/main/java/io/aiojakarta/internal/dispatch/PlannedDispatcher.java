package io.aiojakarta.internal.dispatch;

import io.aiojakarta.Mapper;
import io.aiojakarta.ScopeException;
import io.aiojakarta.ViewTimeoutException;
import io.aiojakarta.internal.ClientDisconnectedException;
import io.aiojakarta.internal.message.CapacityMessages;
import io.aiojakarta.internal.message.RuntimeLogger;
import io.aiojakarta.internal.context.ContextSnapshot;
import io.aiojakarta.internal.context.WeldRequestScope;
import io.aiojakarta.internal.exec.ExecutorHolder;
import io.aiojakarta.internal.exec.Greenlets;
import io.aiojakarta.internal.loop.ManagedEventLoop;
import io.aiojakarta.internal.servlet.DisconnectWatch;
import io.aiojakarta.spi.ViewDispatcher;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.CompletionCallback;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import io.aiojakarta.internal.message.CancellationMessages;
import io.aiojakarta.internal.message.UsageMessages;
import static io.aiojakarta.internal.message.RuntimeLogger.LOG;

/**
 * The dispatcher of one runtime: runs each invocation by its method's {@link ViewPlan}, as a few
 * small steps around one {@link Invocation} handle.
 *
 * <ol>
 *   <li><b>Inline.</b> A call made on a thread of the pool it targets runs right there: a coroutine
 *       called on the loop, an executor body on an executor thread, a greenlet body on a greenlet.
 *       No pool ever waits on itself.</li>
 *   <li><b>Admit.</b> A coroutine past {@code aiojakarta.coroutines.max-in-flight} is refused (503)
 *       before its body runs; a stopping runtime refuses everything.</li>
 *   <li><b>Track, time, watch.</b> The invocation is tracked for the drain, its deadline armed, its
 *       client's disconnect watched: each of them settles it through the handle.</li>
 *   <li><b>Offload.</b> The body is queued on its loop (chosen once) or pool, with the caller's
 *       context; it starts only if nobody settled the invocation meanwhile.</li>
 *   <li><b>Resume.</b> The caller is answered with its own context: a coroutine's stage or
 *       {@code AsyncResponse} on a greenlet, a blocking caller by waking it.</li>
 * </ol>
 *
 * <p>Nothing is read reflectively per call: the plan holds it. Thread-safe.
 */
public final class PlannedDispatcher implements ViewDispatcher {


    private final Workers workers;
    private final ViewPlans plans;
    private final ManagedEventLoop loop;
    private final InFlightWork inFlight;
    private final Deadlines deadlines;
    private final Resumption resumption;
    private final WebSocketCallbacks webSockets;
    /** What a settled coroutine gives back: its place in flight and its admission. Made once. */
    private final Consumer<Invocation> releaseCoroutine;

    /**
     * Creates the dispatcher.
     *
     * @param workers the runtime's loop, pools and counters it hands work to
     * @param plans the plans made at deployment
     * @param inFlight the invocations in flight
     */
    public PlannedDispatcher(Workers workers, ViewPlans plans, InFlightWork inFlight) {
        this.workers = workers;
        this.plans = plans;
        this.loop = workers.loop();
        this.inFlight = inFlight;
        this.deadlines = new Deadlines();
        this.resumption = new Resumption(workers.greenlets());
        this.releaseCoroutine = settled -> {
            inFlight.untrack(settled);
            inFlight.releaseCoroutine();
        };
        this.webSockets = new WebSocketCallbacks(workers.webSocketConnections(), workers.webSocketMaxPending());
    }

    @Override
    public Object dispatch(Mapper mapper, InvocationContext invocation) throws Exception {
        ViewPlan plan = plans.of(invocation, mapper);
        if (inFlight.isClosed() && !onAiojakartaThread()) {
            throw CapacityMessages.MESSAGES.shutDown("Aiojakarta runtime of this application");
        }
        return switch (plan.routeFor(mapper)) {
            case COROUTINE -> loop.inEventLoop() ? invocation.proceed() : coroutine(plan, invocation);
            case WEBSOCKET -> loop.inEventLoop() ? invocation.proceed() : webSockets.dispatch(plan, invocation);
            case EXECUTOR -> blocking(plan, invocation, Mapper.EXECUTOR);
            case GREENLET -> blocking(plan, invocation, Mapper.GREENLET);
        };
    }

    /** Work in flight may still make mapped calls while the runtime drains; new work from outside may not. */
    private boolean onAiojakartaThread() {
        return loop.inEventLoop() || Greenlets.inGreenlet() || workers.executor().runsCurrentThread()
                || ContextSnapshot.current() != null;
    }

    private Object coroutine(ViewPlan plan, InvocationContext context) {
        inFlight.admitCoroutine(plan);
        Executor home;
        ContextSnapshot origin;
        try {
            home = loop.assign();
            origin = loop.capture().withHome(home);
        } catch (RuntimeException failure) {
            inFlight.releaseCoroutine();
            throw failure;
        }
        Consumer<Invocation> release = releaseCoroutine;
        Object returned = null;
        Invocation invocation;
        if (plan.returns() == ViewPlan.Returns.SUSPENDED) {
            Object[] parameters = context.getParameters();
            AsyncResponse real = (AsyncResponse) parameters[plan.suspendedIndex()];
            Answer answer = real == null
                    ? Answers.nobody(failure -> LOG.suspendedCoroutineFailed(plan.name(), failure))
                    : Answers.resuming(real, resumption, origin, home);
            invocation = new Invocation(plan, context, origin, home, answer, release);
            if (real != null) {
                Object[] replaced = parameters.clone();
                replaced[plan.suspendedIndex()] = new SuspendedResponse(real, invocation);
                context.setParameters(replaced);
                // resumed directly by a Jakarta REST timeout handler: nothing is left to answer
                try {
                    real.register((CompletionCallback) ignored -> invocation.settleAnswered());
                } catch (RuntimeException notSupported) {
                    LOG.debugf("the AsyncResponse of '%s' takes no completion callback", plan.name());
                }
            }
        } else {
            CompletableFuture<Object> response = new CompletableFuture<>();
            invocation = new Invocation(plan, context, origin, home, Answers.completing(response, resumption, origin, home),
                    release);
            if (plan.returns() == ViewPlan.Returns.STAGE) {
                returned = response;
            }
        }
        inFlight.track(invocation);
        armDeadline(invocation);
        workers.requestScope().ifPresent(WeldRequestScope::endWithAsyncResponse);
        watchDisconnect(invocation);
        try {
            home.execute(origin.wrap(invocation::runCoroutine));
        } catch (RejectedExecutionException refused) {
            invocation.settle(null, refused);
        }
        return returned;
    }

    private Object blocking(ViewPlan plan, InvocationContext context, Mapper pool) throws Exception {
        if (loop.inEventLoop()) {
            throw UsageMessages.MESSAGES.blockingCallOnEventLoop(pool.name(), plan.name(), Thread.currentThread().getName(),
                    pool == Mapper.EXECUTOR ? "GreenletBridge.runInExecutor(...)" : "GreenletBridge.spawnGreenlet(...)");
        }
        ExecutorHolder executor = workers.executor();
        boolean onItsPool = pool == Mapper.EXECUTOR ? executor.runsCurrentThread() : Greenlets.inGreenlet();
        Answers.WaitingCaller caller = new Answers.WaitingCaller();
        Invocation invocation = new Invocation(plan, context, onItsPool ? null : loop.capture(), null, caller,
                inFlight::untrack);
        inFlight.track(invocation);
        armDeadline(invocation);
        if (onItsPool) {
            invocation.runInline();
            return caller.await();
        }
        watchDisconnect(invocation);
        try {
            (pool == Mapper.EXECUTOR ? executor : workers.greenlets()).execute(invocation::runBlocking);
        } catch (RejectedExecutionException refused) {
            invocation.settle(null, refused);
        }
        try {
            return caller.await();
        } catch (CancellationException interrupted) {
            invocation.cancel(interrupted);
            throw interrupted;
        } finally {
            workers.requestScope().ifPresent(WeldRequestScope::adoptHopInstances);
        }
    }

    private void armDeadline(Invocation invocation) {
        long timeout = invocation.plan.timeoutMillis();
        if (timeout > 0) {
            invocation.deadline(deadlines.arm(() -> {
                if (invocation.cancel(CancellationMessages.MESSAGES.timedOut(invocation.plan.name(), timeout))) {
                    workers.metrics().timedOut();
                    workers.metrics().cancelled();
                }
            }, timeout));
        }
    }

    private void watchDisconnect(Invocation invocation) {
        DisconnectWatch.watch(() -> {
            if (invocation.cancel(CancellationMessages.MESSAGES.clientLeft(invocation.plan.name()))) {
                workers.metrics().cancelled();
            }
        });
    }

    /**
     * Cancels every invocation in flight at the end of a drain: each caller is answered 503.
     *
     * @return how many were cancelled
     */
    public int cancelAll() {
        int cancelled = inFlight.cancelAll(plan -> LOG.cancelledAtShutdown(plan.name()));
        for (int i = 0; i < cancelled; i++) {
            workers.metrics().cancelled();
        }
        return cancelled;
    }

    /**
     * Stops the deadline thread.
     *
     * @param grace how long to wait for it
     */
    public void shutdown(Duration grace) {
        deadlines.shutdown(grace);
    }
}
