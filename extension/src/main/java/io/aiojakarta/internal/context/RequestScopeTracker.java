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
 * Remembers every {@code @RequestScoped} instance of one request that lives on a thread other than
 * the request's own, so that each is destroyed exactly once:
 * <ul>
 *   <li>a request answered synchronously ends when the container destroys its request context,
 *       which destroys this tracker too: its {@link #containerDestroyed()} then destroys the
 *       instances the container does not know of;</li>
 *   <li>a request answered asynchronously ends when its response is complete: {@link #endAsync}
 *       destroys every instance, since the container destroys none of them.</li>
 * </ul>
 * One instance per request (it is itself request-scoped and travels with the other instances).
 * Thread-safe: hops of one request may record at once.
 */
@RequestScoped
public class RequestScopeTracker {

    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Object> containerOwned = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<ContextualInstance<?>> tracked = new ArrayList<>();
    private Consumer<List<ContextualInstance<?>>> destroyer;
    private boolean ended;

    /** For CDI. */
    public RequestScopeTracker() {
    }

    /**
     * Records instances seen in the request's own context, which the container destroys itself
     * when the request ends synchronously.
     *
     * @param instances the request context's instances on the request's own thread
     * @param destroyer destroys instances that outlive their request (after it ended or for an
     *     asynchronous response)
     */
    synchronized void recordContainerOwned(Collection<ContextualInstance<?>> instances,
            Consumer<List<ContextualInstance<?>>> destroyer) {
        this.destroyer = destroyer;
        for (ContextualInstance<?> instance : instances) {
            containerOwned.add(instance.getInstance());
            track(instance);
        }
    }

    /**
     * Records the instances a hop thread saw when its task ended. Instances recorded after the
     * request ended are destroyed at once.
     *
     * @param instances the instances of the hop's request context
     */
    void recordHop(Collection<ContextualInstance<?>> instances) {
        List<ContextualInstance<?>> late = new ArrayList<>();
        Consumer<List<ContextualInstance<?>>> lateDestroyer;
        synchronized (this) {
            for (ContextualInstance<?> instance : instances) {
                if (track(instance) && ended) {
                    late.add(instance);
                }
            }
            lateDestroyer = destroyer;
        }
        if (!late.isEmpty() && lateDestroyer != null) {
            lateDestroyer.accept(late);
        }
    }

    private boolean track(ContextualInstance<?> instance) {
        if (instance.getInstance() == this || !seen.add(instance.getInstance())) {
            return false;
        }
        tracked.add(instance);
        return true;
    }

    /**
     * The instances to put back into the request's own context after a hop its thread waited for,
     * so that the code after the hop sees beans first created on the hop; from then on the
     * container owns them.
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
     * Ends an asynchronously answered request: destroys every tracked instance, once.
     */
    public void endAsync() {
        List<ContextualInstance<?>> doomed;
        Consumer<List<ContextualInstance<?>>> using;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            doomed = List.copyOf(tracked);
            using = destroyer;
        }
        if (using != null && !doomed.isEmpty()) {
            using.accept(doomed);
        }
    }

    /**
     * Called when the container destroys the request context: destroys the instances it does not
     * own, once.
     */
    @PreDestroy
    void containerDestroyed() {
        List<ContextualInstance<?>> doomed = new ArrayList<>();
        Consumer<List<ContextualInstance<?>>> using;
        synchronized (this) {
            if (ended) {
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
        if (using != null && !doomed.isEmpty()) {
            using.accept(doomed);
        }
    }

    /**
     * Tells whether the request has ended.
     *
     * @return {@code true} once the request's instances were destroyed
     */
    public synchronized boolean ended() {
        return ended;
    }
}
