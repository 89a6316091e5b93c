package io.aiojakarta.internal.servlet;

import io.aiojakarta.internal.AioRuntime;
import io.aiojakarta.internal.ProblemDetails;
import io.aiojakarta.internal.context.ContextSnapshot;
import io.aiojakarta.internal.context.WeldRequestScope;
import io.aiojakarta.internal.exec.Greenlets;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import static io.aiojakarta.internal.message.RuntimeLogger.LOG;

/**
 * The first filter of every request on servers where Aiojakarta has no hook into the container's
 * own threads (GlassFish, Open Liberty; Undertow uses {@code GreenletRequestDispatch} instead):
 * counts the request for the deployment's {@link RequestDrain} and refuses it with 503 while the
 * deployment drains or when no greenlet can be had; then, unless {@code aiojakarta.greenlets.requests}
 * is off, runs the rest of the request (the other filters, the Jakarta REST servlet, the resource,
 * the response) on one of the runtime's greenlets, so that synchronous code anywhere in it may
 * {@code await}, and mapped bodies park the greenlet instead of the server's thread.
 *
 * <p>Where the server's thread is virtual (GlassFish with a virtual {@code http-thread-pool}), it
 * becomes the request's greenlet, under the runtime's bound. Otherwise the request is put in
 * asynchronous mode on the server's thread, which returns at once; a new greenlet runs the chain
 * with the request's context (the server's context, the class loader, the request scope's
 * instances) and completes the request when the chain returns, unless the chain started
 * asynchronous processing of its own ({@link GreenletServedRequest}). A chain that cannot go on on
 * another thread ({@link ChainMobility}), or a servlet without async support, keeps the request on
 * the server's thread.
 *
 * <p>Thread-safe; one per deployment, registered by {@link ServletDeployment}.
 */
public final class GreenletRequestFilter implements Filter {


    private final ServletContext servletContext;
    private final RequestDrain drain;
    private final boolean greenletRequests;
    private final AtomicBoolean reportedStaying = new AtomicBoolean();
    private volatile Optional<AioRuntime> runtime;

    /**
     * Creates the filter of one deployment.
     *
     * @param servletContext the deployment, whose runtime is looked up on the first request
     * @param drain counts the deployment's requests
     * @param greenletRequests whether requests run on greenlets
     */
    GreenletRequestFilter(ServletContext servletContext, RequestDrain drain, boolean greenletRequests) {
        this.servletContext = servletContext;
        this.drain = drain;
        this.greenletRequests = greenletRequests;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() != DispatcherType.REQUEST || !(request instanceof HttpServletRequest http)
                || !(response instanceof HttpServletResponse httpResponse)) {
            chain.doFilter(request, response);
            return;
        }
        if (!drain.begin()) {
            refuse(httpResponse, "shutting down");
            return;
        }
        Optional<AioRuntime> found = runtime();
        if (!greenletRequests || found.isEmpty() || Greenlets.inGreenlet()) {
            serveHere(http, httpResponse, chain);
            return;
        }
        Greenlets greenlets = found.get().greenlets();
        if (greenlets.refusesNow()) {
            drain.end();
            refuse(httpResponse, "busy: try again shortly");
            return;
        }
        if (Thread.currentThread().isVirtual()) {
            serveOnThisGreenlet(greenlets, http, httpResponse, chain);
        } else if (request.isAsyncSupported() && ChainMobility.canMove(chain)) {
            serveOnNewGreenlet(found.get(), http, httpResponse, chain);
        } else {
            reportStaying(chain, request.isAsyncSupported());
            serveHere(http, httpResponse, chain);
        }
    }

    /** The server's thread is virtual: it becomes the request's greenlet. */
    private void serveOnThisGreenlet(Greenlets greenlets, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws IOException, ServletException {
        boolean served;
        try {
            served = greenlets.runHere(() -> serveHere(request, response, chain));
        } catch (IOException | ServletException | RuntimeException failure) {
            throw failure;
        } catch (Exception impossible) {
            throw new ServletException(impossible);
        }
        if (!served) {
            drain.end();
            refuse(response, "busy: try again shortly");
        }
    }

    /** The rest of the request moves to a new greenlet; the server's thread returns at once. */
    private void serveOnNewGreenlet(AioRuntime aio, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws IOException {
        ContextSnapshot context = aio.contexts().capture();
        // read now, on the server's thread: a server that recycles request objects (Open Liberty) may
        // have handed this one to another request by the time a failure is reported
        String method = request.getMethod();
        String uri = request.getRequestURI();
        GreenletServedRequest served = new GreenletServedRequest(request);
        AsyncContext async = request.startAsync(served, response);
        async.setTimeout(0); // the request's own deadlines are Aiojakarta's
        async.addListener(new Ended(drain));
        AsyncDisconnects disconnects = new AsyncDisconnects();
        async.addListener(disconnects);
        aio.requestScope().ifPresent(scope -> scope.endWhenComplete(async));
        served.attach(new GreenletAsyncContext(async, served, aio.loop(), aio.greenlets()));
        try {
            aio.greenlets().execute(() -> {
                AtomicBoolean started = new AtomicBoolean();
                try {
                    context.runAsRequest(() -> {
                        started.set(true);
                        disconnects.enter();
                        try {
                            serve(served, response, chain, async, method, uri);
                        } finally {
                            disconnects.leave();
                        }
                    });
                } catch (RuntimeException | Error contextFailed) {
                    if (started.get()) {
                        throw contextFailed; // serve answered the request already; the greenlet logs this
                    }
                    // the request's context could not be applied, so the chain never ran: answer, never hang
                    LOG.greenletRequestFailed(method, uri, contextFailed);
                    if (!response.isCommitted()) {
                        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
                    }
                    async.complete();
                }
            });
        } catch (RejectedExecutionException refused) {
            refuse(response, "busy: try again shortly");
            async.complete();
        }
    }

    /** Serves the request on the server's thread; a request that went asynchronous ends when it completes. */
    private void serveHere(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        AsyncDisconnects disconnects = new AsyncDisconnects();
        disconnects.enter();
        try {
            chain.doFilter(request, response);
        } finally {
            disconnects.leave();
            if (request.isAsyncStarted()) {
                AsyncContext async = request.getAsyncContext();
                async.addListener(new Ended(drain));
                async.addListener(disconnects);
                runtime().flatMap(AioRuntime::requestScope).ifPresent(scope -> scope.endWhenComplete(async));
            } else {
                drain.end();
            }
        }
    }

    /**
     * On the greenlet: runs the chain, then completes the request unless the chain went asynchronous
     * itself, in which case the chain's completion, if it came meanwhile, goes to the server now.
     */
    private static void serve(GreenletServedRequest request, HttpServletResponse response, FilterChain chain,
            AsyncContext async, String method, String uri) {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error failure) {
            LOG.greenletRequestFailed(method, uri, failure);
            if (!response.isCommitted()) {
                response.reset();
                response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            }
        } finally {
            if (request.asyncStartedInside()) {
                request.chainReturned();
            } else {
                async.complete();
            }
        }
    }

    /** Says once per deployment why its requests stay on the server's platform threads. */
    private void reportStaying(FilterChain chain, boolean asyncSupported) {
        if (reportedStaying.compareAndSet(false, true)) {
            String why = asyncSupported
                    ? "the server's filter chain (" + chain.getClass().getName() + ") cannot go on on another thread; "
                            + "give the server virtual request threads instead (GlassFish: asadmin set configs.config."
                            + "server-config.thread-pools.thread-pool.http-thread-pool.virtual=true)"
                    : "a filter or servlet of the request does not support asynchronous processing";
            LOG.requestsOnPlatformThreads(servletContext.getContextPath(), why);
        }
    }

    /** The deployment's runtime, remembered once found; looked up again while there is none yet. */
    private Optional<AioRuntime> runtime() {
        Optional<AioRuntime> found = runtime;
        if (found == null || found.isEmpty()) {
            found = RuntimeLookup.of(servletContext);
            runtime = found;
        }
        return found;
    }

    /**
     * Answers a request Aiojakarta cannot take now: 503 with {@code Retry-After: 1}.
     *
     * @param response the refused request's response
     * @param reason the problem's detail
     */
    private static void refuse(HttpServletResponse response, String reason) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "1");
        response.setContentType(ProblemDetails.MEDIA_TYPE + ";charset=UTF-8");
        response.getWriter().write(ProblemDetails.unavailable(reason));
    }

    @Override
    public void destroy() {
        drain.drain();
    }

    /** Ends the request's count once, when its asynchronous processing completes or fails. */
    private static final class Ended implements AsyncListener {

        private final RequestDrain drain;
        private final AtomicBoolean ended = new AtomicBoolean();

        Ended(RequestDrain drain) {
            this.drain = drain;
        }

        private void end() {
            if (ended.compareAndSet(false, true)) {
                drain.end();
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            end();
        }

        @Override
        public void onError(AsyncEvent event) {
            end();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // the container completes or dispatches next, and onComplete follows
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
