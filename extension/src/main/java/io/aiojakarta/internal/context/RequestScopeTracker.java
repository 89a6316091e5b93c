package io.aiojakarta.internal.context;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.spi.Contextual;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The request-scoped state of one request as it crosses threads, and the one place that decides
 * who destroys its {@code @RequestScoped} instances, once each, and when. One instance per request:
 * it is itself request-scoped.
 *
 * <p><b>Hops.</b> Every hop of the request (a loop task, an executor or greenlet body, a
 * continuation) binds the same shared store, so an instance created on one hop is seen by the hops
 * after it; the instances of the request's own context are merged into that store when a hop
 * starts. A hop that would start after the request ended gets no request context at all, never
 * destroyed instances.
 *
 * <p><b>Ending.</b> Decided once, on the request's own thread, when the container releases the
 * request ({@link #originReleased}):
 * <ul>
 *   <li>nothing pending (a synchronous response, no hop running): the container destroys the
 *       instances of the request's own context, and this tracker's {@code @PreDestroy} the ones only
 *       hops created; no hop starts any more;</li>
 *   <li>a response still being produced, or a hop still running (a body past its timeout that has
 *       not yet stopped): the caller empties the request's own context and the tracker destroys
 *       every instance once the response is complete and the last hop has ended, so that no body
 *       ever reaches a destroyed instance.</li>
 * </ul>
 * Thread-safe.
 */
@RequestScoped
public class RequestScopeTracker {

    // A request holds a handful of request-scoped instances, and a tracker lives as long as its
    // request: short lists searched by identity cost less memory per waiting request than hash tables.
    private final List<Object> origin = new ArrayList<>(0);
    private Map<String, Object> hopStore;
    private boolean originUnmerged;
    private Consumer<List<Object>> destroyer;
    private WeldApi weld;
    private int hopsRunning;
    private boolean released;
    private boolean trackerOwns;
    private boolean responsePending;
    private boolean responseComplete;
    private boolean closed;
    private boolean ended;

    /** For CDI. */
    public RequestScopeTracker() {
    }

    /**
     * On the request's own thread: records the instances of the request's own context.
     *
     * @param instances the request context's contextual instances
     * @param destroyer destroys instances this tracker is responsible for
     * @param weld reads the contextual instances
     */
    synchronized void recordOrigin(Collection<Object> instances, Consumer<List<Object>> destroyer, WeldApi weld) {
        this.destroyer = destroyer;
        this.weld = weld;
        for (Object instance : instances) {
            Object object = weld.instance(instance);
            // not the tracker itself: hops reach it through their snapshot, never through a store,
            // so that a waiting request keeps no Weld bookkeeping of it alive
            if (object != this && !containsInstance(origin, object)) {
                origin.add(instance);
                originUnmerged = true;
            }
        }
    }

    private boolean containsInstance(List<Object> instances, Object object) {
        for (Object known : instances) {
            if (weld.instance(known) == object) {
                return true;
            }
        }
        return false;
    }

    /**
     * A hop starts: binds the shared store on the calling thread and merges the origin's instances
     * into it. Called under this tracker's lock so that a hop starting at the same time sees the
     * merged store.
     *
     * @param binder binds the store on the calling thread and merges the given instances into it
     * @return the store bound, or {@code null} when the request has ended: the hop then runs
     *     without a request context
     */
    synchronized Map<String, Object> beginHop(HopBinder binder) {
        if (closed || ended) {
            return null;
        }
        boolean fresh = hopStore == null;
        if (fresh) {
            hopStore = new ConcurrentHashMap<>();
        }
        hopsRunning++;
        List<Object> merge = originUnmerged ? List.copyOf(origin) : List.of();
        originUnmerged = false;
        binder.bind(hopStore, merge, fresh);
        return hopStore;
    }

    /** Binds a hop's store on the calling thread. */
    @FunctionalInterface
    interface HopBinder {

        /**
         * Binds the store and makes the given instances visible in it.
         *
         * @param store the request's shared store
         * @param merge the origin's instances not merged yet; empty most of the time
         * @param fresh whether the store is new, and so empty
         */
        void bind(Map<String, Object> store, List<Object> merge, boolean fresh);
    }

    /** A hop ended; the last one ends a request the tracker owns. */
    void endHop() {
        List<Object> doomed = List.of();
        Consumer<List<Object>> using;
        synchronized (this) {
            hopsRunning--;
            if (mayEnd()) {
                doomed = endNow();
            }
            using = destroyer;
        }
        destroy(doomed, using);
    }

    /**
     * On the request's own thread, when the container releases the request (before it destroys the
     * request context): decides who destroys the instances.
     *
     * @param instances the request context's instances now
     * @param destroyer destroys instances this tracker is responsible for
     * @param pending {@code true} when the response is still being produced asynchronously
     * @return {@code true} when the tracker keeps every instance: the caller must then empty the
     *     request's own context, so that the container destroys nothing
     */
    boolean originReleased(Collection<Object> instances, Consumer<List<Object>> destroyer, WeldApi weld,
            boolean pending) {
        List<Object> doomed = List.of();
        boolean keeps;
        synchronized (this) {
            recordOrigin(instances, destroyer, weld);
            if (released) {
                return trackerOwns;
            }
            released = true;
            responsePending = pending;
            trackerOwns = pending || hopsRunning > 0;
            closed = !trackerOwns;
            keeps = trackerOwns;
            if (mayEnd()) {
                doomed = endNow();
            }
        }
        destroy(doomed, destroyer);
        return keeps;
    }

    /** Called when an asynchronous response is complete. */
    public void responseComplete() {
        List<Object> doomed = List.of();
        Consumer<List<Object>> using;
        synchronized (this) {
            responseComplete = true;
            if (mayEnd()) {
                doomed = endNow();
            }
            using = destroyer;
        }
        destroy(doomed, using);
    }

    private boolean mayEnd() {
        return trackerOwns && !ended && hopsRunning == 0 && (!responsePending || responseComplete);
    }

    /** Ends the request: every instance, the origin's and the hops', except this tracker. */
    private List<Object> endNow() {
        ended = true;
        List<Object> doomed = new ArrayList<>(origin.size() + 2);
        for (Object instance : origin) {
            if (weld.instance(instance) != this) {
                doomed.add(instance);
            }
        }
        addHopOnly(doomed);
        return doomed;
    }

    /** Adds the instances only hops hold (not the origin's) to the list. */
    private void addHopOnly(List<Object> into) {
        if (hopStore == null) {
            return;
        }
        for (Object value : hopStore.values()) {
            if (weld.isContextualInstance(value)) {
                Object instance = weld.instance(value);
                if (instance != this && !containsInstance(origin, instance) && !containsInstance(into, instance)) {
                    into.add(value);
                }
            }
        }
    }

    /**
     * After a hop the request's own thread waited for: the instances first created on hops, to put
     * into the request's own context so that the code after the hop sees them. From then on they
     * count as the origin's.
     *
     * @param present the request context's current instances on the request's own thread
     * @return the hops' instances whose bean {@code present} does not hold yet
     */
    synchronized List<Object> adopt(Collection<Object> present) {
        if (hopStore == null) {
            return List.of();
        }
        Set<Contextual<?>> held = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object instance : present) {
            held.add(weld.contextual(instance));
        }
        List<Object> adopted = new ArrayList<>();
        for (Object value : hopStore.values()) {
            if (weld.isContextualInstance(value) && held.add(weld.contextual(value))) {
                adopted.add(value);
                origin.add(value);
            }
        }
        return adopted;
    }

    /**
     * Called when the container destroys the request context (it holds the origin's instances):
     * destroys, once, the instances only hops created.
     */
    @PreDestroy
    void containerDestroyed() {
        List<Object> doomed = new ArrayList<>();
        Consumer<List<Object>> using;
        synchronized (this) {
            if (ended || trackerOwns || weld == null) {
                return;
            }
            ended = true;
            closed = true;
            addHopOnly(doomed);
            using = destroyer;
        }
        destroy(doomed, using);
    }

    private static void destroy(List<Object> doomed, Consumer<List<Object>> using) {
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
