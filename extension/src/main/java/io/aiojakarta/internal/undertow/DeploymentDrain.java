package io.aiojakarta.internal.undertow;

import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HandlerWrapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.api.FilterInfo;
import io.undertow.servlet.api.LifecycleInterceptor;
import io.undertow.servlet.api.ServletInfo;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import io.aiojakarta.internal.AioRuntime;
import io.aiojakarta.internal.config.AiojakartaConfig;
import io.aiojakarta.internal.servlet.RuntimeLookup;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets a deployment's in-flight requests finish before its servlets are destroyed, on Undertow
 * (embedded and inside WildFly, where undeploying does not wait for them). It counts the
 * deployment's requests from the outermost handler; the first servlet or filter destroyed starts
 * the drain: new requests are answered 503 with {@code Retry-After}, running ones get
 * {@code aiojakarta.shutdown-timeout-millis}, then the Aiojakarta work of those still running is
 * cancelled (AIOJ-0511) so that their clients are answered 503 rather than left waiting.
 *
 * <p>Thread-safe: requests are counted on Undertow's threads; the drain runs once, on the thread
 * stopping the deployment.
 */
public final class DeploymentDrain implements HandlerWrapper, LifecycleInterceptor {

    /** The servlet context attribute under which a deployment's drain is found. */
    public static final String ATTRIBUTE = DeploymentDrain.class.getName();

    private static final Logger LOG = System.getLogger(DeploymentDrain.class.getName());
    /** How long requests whose work was cancelled get to send their 503. */
    private static final Duration ANSWER_GRACE = Duration.ofSeconds(2);

    private final ServletContext servletContext;
    private final AtomicLong active = new AtomicLong();
    private final AtomicBoolean drained = new AtomicBoolean();
    private final ExchangeCompletionListener finished = (exchange, next) -> {
        ended();
        next.proceed();
    };
    private volatile boolean draining;
    private volatile CompletableFuture<Void> idle;

    /**
     * Creates the drain of one deployment.
     *
     * @param servletContext the deployment's servlet context, where the drain is published
     */
    public DeploymentDrain(ServletContext servletContext) {
        this.servletContext = Objects.requireNonNull(servletContext, "servletContext");
        servletContext.setAttribute(ATTRIBUTE, this);
    }

    /**
     * The drain published in a servlet context.
     *
     * @param servletContext a deployment's servlet context
     * @return its drain, or empty when Aiojakarta's Undertow integration did not install one
     */
    public static Optional<DeploymentDrain> of(ServletContext servletContext) {
        return servletContext.getAttribute(ATTRIBUTE) instanceof DeploymentDrain drain ? Optional.of(drain) : Optional.empty();
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return exchange -> {
            active.incrementAndGet(); // counted before the check, so that a drain never misses it
            if (draining) {
                ended();
                refuse(exchange, "shutting down");
                return;
            }
            exchange.addExchangeCompleteListener(finished);
            next.handleRequest(exchange);
        };
    }

    /** A request ended; the last one wakes a waiting drain. */
    private void ended() {
        if (active.decrementAndGet() <= 0) {
            CompletableFuture<Void> waiting = idle;
            if (waiting != null) {
                waiting.complete(null);
            }
        }
    }

    /**
     * Answers a request Aiojakarta cannot take now: 503 with {@code Retry-After: 1}, on the
     * calling (I/O) thread.
     *
     * @param exchange the refused request
     * @param reason the response body
     */
    static void refuse(HttpServerExchange exchange, String reason) {
        exchange.setStatusCode(StatusCodes.SERVICE_UNAVAILABLE);
        exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
        exchange.getResponseSender().send(reason);
    }

    /**
     * How many requests of the deployment are in flight.
     *
     * @return the count
     */
    public long inFlight() {
        return active.get();
    }

    /**
     * Refuses new requests, lets in-flight ones finish for the configured time, then cancels the
     * Aiojakarta work of the rest. Runs once; later calls return at once.
     *
     * @return how many requests were still in flight at the end
     */
    public long drain() {
        long millis = RuntimeLookup.of(servletContext).map(AioRuntime::config)
                .orElse(AiojakartaConfig.DEFAULTS).shutdownTimeoutMillis();
        return drain(Duration.ofMillis(millis));
    }

    /**
     * As {@link #drain()}, with the given time instead of the configured one.
     *
     * @param within how long in-flight requests may go on
     * @return how many requests were still in flight at the end
     */
    public long drain(Duration within) {
        if (!drained.compareAndSet(false, true)) {
            return active.get();
        }
        draining = true;
        if (awaitIdle(within)) {
            return 0;
        }
        int cancelled = RuntimeLookup.of(servletContext).map(runtime -> runtime.cancelRunning(within)).orElse(0);
        if (cancelled > 0) {
            awaitIdle(ANSWER_GRACE);
        }
        long left = active.get();
        if (left > 0) {
            LOG.log(Level.WARNING, "AIOJ-0513 {0} request(s) of ''{1}'' still running after the drain time of {2} ms; "
                    + "they are left to the server", left, servletContext.getContextPath(), within.toMillis());
        }
        return left;
    }

    /** Waits for the last request to end: a future it completes, never polling. */
    private boolean awaitIdle(Duration within) {
        CompletableFuture<Void> waiting = new CompletableFuture<>();
        idle = waiting;
        if (active.get() <= 0) {
            return true;
        }
        try {
            waiting.get(within.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException stillRunning) {
            return active.get() <= 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return active.get() <= 0;
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public void init(ServletInfo servletInfo, Servlet servlet, LifecycleContext context) throws ServletException {
        context.proceed();
    }

    @Override
    public void init(FilterInfo filterInfo, Filter filter, LifecycleContext context) throws ServletException {
        context.proceed();
    }

    @Override
    public void destroy(ServletInfo servletInfo, Servlet servlet, LifecycleContext context) throws ServletException {
        drain();
        context.proceed();
    }

    @Override
    public void destroy(FilterInfo filterInfo, Filter filter, LifecycleContext context) throws ServletException {
        drain();
        context.proceed();
    }
}
