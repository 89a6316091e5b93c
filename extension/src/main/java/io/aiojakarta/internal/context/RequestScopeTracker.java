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

    /** A tracked instance, and whether the request's own context holds it too. */
    private static final class Entry {
        final ContextualInstance<?> instance;
        boolean containerOwned;

        Entry(ContextualInstance<?> instance) {
            this.instance = instance;
        }
    }

    // A request holds a handful of request-scoped instances, and one tracker lives as long as its
    // request: a short list searched by identity costs less memory per waiting request than hash tables.
    private final List<Entry> tracked = new ArrayList<>(4);
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
            Entry entry = track(instance);
            if (entry != null) {
                entry.containerOwned = true;
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
                if (track(instance) != null && ended) {
                    late.add(instance);
                }
            }
            using = destroyer;
        }
        destroy(late, using);
    }

    /** Starts tracking an instance not seen before; returns its entry, or {@code null} when seen already. */
    private Entry track(ContextualInstance<?> instance) {
        Object object = instance.getInstance();
        if (object == this) {
            return null;
        }
        for (Entry entry : tracked) {
            if (entry.instance.getInstance() == object) {
                return null;
            }
        }
        Entry entry = new Entry(instance);
        tracked.add(entry);
        return entry;
    }

    private List<ContextualInstance<?>> trackedInstances() {
        List<ContextualInstance<?>> instances = new ArrayList<>(tracked.size());
        for (Entry entry : tracked) {
            instances.add(entry.instance);
        }
        return instances;
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
        for (Entry entry : tracked) {
            if (!entry.containerOwned && held.add(entry.instance.getContextual())) {
                entry.containerOwned = true;
                adopted.add(entry.instance);
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
                doomed = trackedInstances();
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
                doomed = trackedInstances();
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
            for (Entry entry : tracked) {
                if (!entry.containerOwned) {
                    doomed.add(entry.instance);
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
