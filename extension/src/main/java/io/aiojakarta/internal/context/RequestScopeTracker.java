package io.aiojakarta.internal.context;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.spi.Contextual;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jboss.weld.context.api.ContextualInstance;

/**
 * Has every {@code @RequestScoped} instance of one request that was carried to, or created on,
 * another thread destroyed exactly once. One instance per request: it is itself request-scoped and
 * travels to the other threads with the other instances. Thread-safe.
 *
 * <p>Who destroys what is decided once, on the request's own thread, when the container releases the
 * request ({@link #originReleased}):
 * <ul>
 *   <li>the response is complete (synchronous request): the container destroys the instances it
 *       holds, which include this tracker, whose {@link #containerDestroyed()} destroys the rest;</li>
 *   <li>the response is still being produced (asynchronous request): the request's own context has
 *       been emptied, so the container destroys nothing; every instance is destroyed when the
 *       response completes ({@link #responseComplete()}).</li>
 * </ul>
 */
@RequestScoped
public class RequestScopeTracker {

    private enum Owner { UNDECIDED, CONTAINER, TRACKER }

    // a request holds a handful of request-scoped instances: small tables, allocated per request
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>(4));
    private final Set<Object> containerOwned = Collections.newSetFromMap(new IdentityHashMap<>(4));
    private final List<ContextualInstance<?>> tracked = new ArrayList<>();
    private Consumer<List<ContextualInstance<?>>> destroyer;
    private Owner owner = Owner.UNDECIDED;
    private boolean responseComplete;
    private boolean ended;

    /** For CDI. */
    public RequestScopeTracker() {
    }

    /**
     * Records the instances held by the request's own context.
     *
     * @param instances the request context's instances on the request's own thread
     * @param destroyer destroys instances this tracker is responsible for
     */
    synchronized void recordContainerOwned(Collection<ContextualInstance<?>> instances,
            Consumer<List<ContextualInstance<?>>> destroyer) {
        this.destroyer = destroyer;
        for (ContextualInstance<?> instance : instances) {
            if (track(instance)) {
                containerOwned.add(instance.getInstance());
            }
        }
    }

    /**
     * Records the instances a hop thread held when its task ended. Instances first seen after the
     * request ended are destroyed at once.
     *
     * @param instances the instances of the hop's request context
     */
    void recordHop(Collection<ContextualInstance<?>> instances) {
        List<ContextualInstance<?>> late = new ArrayList<>();
        Consumer<List<ContextualInstance<?>>> using;
        synchronized (this) {
            for (ContextualInstance<?> instance : instances) {
                if (track(instance) && ended) {
                    late.add(instance);
                }
            }
            using = destroyer;
        }
        destroy(late, using);
    }

    private boolean track(ContextualInstance<?> instance) {
        if (instance.getInstance() == this || !seen.add(instance.getInstance())) {
            return false;
        }
        tracked.add(instance);
        return true;
    }

    /**
     * After a hop the request's own thread waited for: the instances to put into its context so
     * that the code after the hop sees beans first created on the hop. From then on the container
     * holds them too.
     *
     * @param present the request context's current instances on the request's own thread
     * @return the tracked instances whose bean {@code present} does not hold yet
     */
    synchronized List<ContextualInstance<?>> adopt(Collection<ContextualInstance<?>> present) {
        Set<Contextual<?>> held = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ContextualInstance<?> instance : present) {
            held.add(instance.getContextual());
        }
        List<ContextualInstance<?>> adopted = new ArrayList<>();
        for (ContextualInstance<?> instance : tracked) {
            if (!containerOwned.contains(instance.getInstance()) && held.add(instance.getContextual())) {
                containerOwned.add(instance.getInstance());
                adopted.add(instance);
            }
        }
        return adopted;
    }

    /**
     * Called on the request's own thread when the container releases the request.
     *
     * @param responsePending {@code true} when the response is still being produced asynchronously
     *     (the caller has then emptied the request's own context, so the container destroys nothing)
     */
    void originReleased(boolean responsePending) {
        List<ContextualInstance<?>> doomed = List.of();
        Consumer<List<ContextualInstance<?>>> using;
        synchronized (this) {
            if (owner != Owner.UNDECIDED) {
                return;
            }
            owner = responsePending ? Owner.TRACKER : Owner.CONTAINER;
            if (owner == Owner.TRACKER && responseComplete && !ended) {
                ended = true;
                doomed = List.copyOf(tracked);
            }
            using = destroyer;
        }
        destroy(doomed, using);
    }

    /**
     * Called when an asynchronous response is complete: destroys every instance once the request's
     * own thread has handed them over.
     */
    public void responseComplete() {
        List<ContextualInstance<?>> doomed = List.of();
        Consumer<List<ContextualInstance<?>>> using;
        synchronized (this) {
            responseComplete = true;
            if (owner == Owner.TRACKER && !ended) {
                ended = true;
                doomed = List.copyOf(tracked);
            }
            using = destroyer;
        }
        destroy(doomed, using);
    }

    /**
     * Called when the container destroys the request context: destroys, once, the instances the
     * container does not hold.
     */
    @PreDestroy
    void containerDestroyed() {
        List<ContextualInstance<?>> doomed = new ArrayList<>();
        Consumer<List<ContextualInstance<?>>> using;
        synchronized (this) {
            if (ended || owner == Owner.TRACKER) {
                return;
            }
            ended = true;
            for (ContextualInstance<?> instance : tracked) {
                if (!containerOwned.contains(instance.getInstance())) {
                    doomed.add(instance);
                }
            }
            using = destroyer;
        }
        destroy(doomed, using);
    }

    private static void destroy(List<ContextualInstance<?>> doomed, Consumer<List<ContextualInstance<?>>> using) {
        if (!doomed.isEmpty() && using != null) {
            using.accept(doomed);
        }
    }

    /**
     * Tells whether the request's instances have been destroyed.
     *
     * @return {@code true} once the request has ended
     */
    public synchronized boolean ended() {
        return ended;
    }
}
