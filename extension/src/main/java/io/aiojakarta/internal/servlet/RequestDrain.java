package io.aiojakarta.internal.servlet;

import io.aiojakarta.internal.AioRuntime;
import io.aiojakarta.internal.config.AiojakartaConfig;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import static io.aiojakarta.internal.message.RuntimeLogger.LOG;

/**
 * Lets a deployment's in-flight requests finish before it stops: counts its requests, and once
 * {@link #drain()} is called refuses new ones, gives running ones
 * {@code aiojakarta.shutdown-timeout-millis}, then cancels the Aiojakarta work of those still running
 * (AIOJ-0511) so that their clients are answered 503 rather than left waiting. The one owner of the
 * drain, whichever hook of the server feeds it (an Undertow handler, or a servlet filter on other
 * servers). Published as a servlet context attribute.
 *
 * <p>Thread-safe: requests begin and end on any thread; the drain runs once, on the thread stopping
 * the deployment.
 */
public final class RequestDrain {

    private static final String ATTRIBUTE = RequestDrain.class.getName();
    /** How long requests whose work was cancelled get to send their 503. */
    private static final Duration ANSWER_GRACE = Duration.ofSeconds(2);

    private final ServletContext servletContext;
    private final AtomicLong active = new AtomicLong();
    private final AtomicBoolean drained = new AtomicBoolean();
    private volatile boolean draining;
    private volatile CompletableFuture<Void> idle;

    private RequestDrain(ServletContext servletContext) {
        this.servletContext = Objects.requireNonNull(servletContext, "servletContext");
    }

    /**
     * Creates the drain of a deployment and publishes it in its servlet context.
     *
     * @param servletContext the deployment's servlet context
     * @return the new drain
     */
    public static RequestDrain install(ServletContext servletContext) {
        RequestDrain drain = new RequestDrain(servletContext);
        servletContext.setAttribute(ATTRIBUTE, drain);
        return drain;
    }

    /**
     * The drain published in a servlet context.
     *
     * @param servletContext a deployment's servlet context
     * @return its drain, or empty when Aiojakarta installed none
     */
    public static Optional<RequestDrain> of(ServletContext servletContext) {
        return servletContext.getAttribute(ATTRIBUTE) instanceof RequestDrain drain ? Optional.of(drain) : Optional.empty();
    }

    /**
     * A request arrives. When it returns {@code true}, {@link #end()} must follow exactly once.
     *
     * @return {@code false} when the deployment is draining: the request must be refused
     */
    public boolean begin() {
        active.incrementAndGet(); // counted before the check, so that a drain never misses it
        if (draining) {
            end();
            return false;
        }
        return true;
    }

    /** A request ended; the last one wakes a waiting drain. */
    public void end() {
        if (active.decrementAndGet() <= 0) {
            CompletableFuture<Void> waiting = idle;
            if (waiting != null) {
                waiting.complete(null);
            }
        }
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
            LOG.requestsLeftAtShutdown(left, servletContext.getContextPath(), within.toMillis());
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
}
