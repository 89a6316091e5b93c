package io.aiojakarta.internal.context;

import io.aiojakarta.internal.ClassPresence;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.spi.Context;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.servlet.AsyncContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import static io.aiojakarta.internal.message.RuntimeLogger.LOG;

/**
 * Carries a request's {@code @RequestScoped} instances (the same instances) to hop threads with
 * Weld's bound request context, every hop of one request sharing one store, and has every instance
 * destroyed exactly once through the request's {@link RequestScopeTracker}. Weld's API is called
 * directly where applications see it, through method handles where the server hides it
 * ({@link WeldApi}). Thread-safe; one per CDI container.
 *
 * <p>A hop thread that already has another request's context active (a continuation run inline by
 * a user's direct executor) has that context set aside while the hop runs, and put back after:
 * one request's code never sees another request's instances.
 */
public final class WeldRequestScope {

    /**
     * The hop this class bound on the calling thread: its store, to set it aside and bind it again,
     * and its request's tracker, which the store does not hold.
     */
    private static final ThreadLocal<Hop> BOUND_HERE = new ThreadLocal<>();

    private static final boolean WELD_API_VISIBLE = ClassPresence.visible("org.jboss.weld.manager.api.WeldManager");

    private final BeanManager manager;
    private final WeldApi weld;
    private final Context bound;
    private final Bean<RequestScopeTracker> trackerBean;
    /**
     * The container's request contexts, fixed once deployment is valid (when this is created):
     * asked several times per hop, an array spares the container's copy-on-write list an iterator
     * per question.
     */
    private final Context[] requestContexts;
    /** {@link #destroy}, made once: every request's tracker keeps it. */
    private final Consumer<List<Object>> destroyer = this::destroy;

    @SuppressWarnings("unchecked")
    private WeldRequestScope(BeanManager beanManager, WeldApi weld) {
        this.manager = beanManager;
        this.weld = weld;
        this.bound = weld.bound();
        this.trackerBean = (Bean<RequestScopeTracker>) beanManager.resolve(beanManager.getBeans(RequestScopeTracker.class));
        this.requestContexts = beanManager.getContexts(RequestScoped.class).toArray(Context[]::new);
    }

    /**
     * Tells whether the container is Weld, whose request scopes can be carried, before its beans
     * are discovered (when the tracker bean has to be registered).
     *
     * @param beanManager the container's bean manager
     * @return {@code true} for Weld, whether or not the server shows its API to applications
     */
    public static boolean isWeld(BeanManager beanManager) {
        return beanManager.getClass().getName().startsWith("org.jboss.weld.")
                || (WELD_API_VISIBLE && DirectWeldApi.of(beanManager) != null);
    }

    /**
     * The carrier of a container, once deployment is valid.
     *
     * @param beanManager the container's bean manager
     * @return the carrier, or empty when the container is not Weld (or Weld's API cannot be reached)
     */
    public static Optional<WeldRequestScope> of(BeanManager beanManager) {
        WeldApi weld = WELD_API_VISIBLE ? DirectWeldApi.of(beanManager) : null;
        if (weld == null) {
            weld = ReflectiveWeldApi.of(beanManager);
        }
        return weld == null ? Optional.empty() : Optional.of(new WeldRequestScope(beanManager, weld));
    }

    /**
     * Captures the request context active on the calling thread, if any.
     *
     * @return the part to restore on a hop thread, or empty when no request context is active
     */
    public Optional<ContextSnapshot.Part> capture() {
        Context context = activeRequestContext();
        if (context == null) {
            return Optional.empty();
        }
        if (weld.isBound(context)) {
            Hop hop = BOUND_HERE.get();
            // a hop of a request knows its tracker; a bound context activated by someone else gets one
            return Optional.of(new Captured(hop != null ? hop.tracker() : tracker(context)));
        }
        RequestScopeTracker tracker = tracker(context);
        tracker.recordOrigin(weld.instances(context), destroyer, weld);
        return Optional.of(new Captured(tracker));
    }

    /**
     * On the thread serving a request whose response will complete asynchronously: has every
     * request-scoped instance of the request destroyed once the response is complete.
     *
     * @return {@code true} when the request is asynchronous and its end was registered
     */
    public boolean endWithAsyncResponse() {
        Context context = activeRequestContext();
        return context != null && !weld.isBound(context) && AsyncRequestEnd.register(tracker(context));
    }

    /**
     * On the request's own thread, within the dispatch that started asynchronous processing: has
     * every request-scoped instance of a request that hopped destroyed once the response is complete.
     *
     * @param async the request's asynchronous context
     */
    public void endWhenComplete(AsyncContext async) {
        Context context = activeRequestContext();
        if (context != null && !weld.isBound(context)) {
            RequestScopeTracker tracker = context.get(trackerBean);
            if (tracker != null) { // none: the request never hopped, and the container ends it as usual
                AsyncRequestEnd.listen(async, tracker);
            }
        }
    }

    /**
     * On the request's own thread, when the container releases the request (before it destroys the
     * request context): decides who destroys the request's instances. When the response is still
     * pending or a hop still runs, the request's own context is emptied, so that the container
     * destroys nothing and the tracker destroys everything once both are over. Does nothing for a
     * request that never hopped.
     *
     * @param responsePending whether the response is still being produced asynchronously
     */
    public void releaseOrigin(boolean responsePending) {
        Context context = activeRequestContext();
        if (context == null || weld.isBound(context)) {
            return;
        }
        RequestScopeTracker tracker = context.get(trackerBean);
        if (tracker == null) {
            return;
        }
        if (tracker.originReleased(weld.instances(context), destroyer, weld, responsePending)) {
            // whatever the container decides next, it finds nothing left to destroy
            weld.clearAndSet(context, List.of());
        }
    }

    /**
     * After a hop the calling thread waited for: puts the instances first created on hops into the
     * calling thread's request context, so that the code that follows sees the same instances.
     */
    public void adoptHopInstances() {
        Context context = activeRequestContext();
        if (context == null || weld.isBound(context)) {
            return;
        }
        RequestScopeTracker tracker = context.get(trackerBean);
        if (tracker == null) {
            return;
        }
        Collection<Object> present = weld.instances(context);
        List<Object> adopted = tracker.adopt(present);
        if (!adopted.isEmpty()) {
            List<Object> all = new ArrayList<>(present);
            all.addAll(adopted);
            weld.clearAndSet(context, all);
        }
    }

    /** The request's tracker, created in its context the first time only. */
    private RequestScopeTracker tracker(Context context) {
        RequestScopeTracker existing = context.get(trackerBean);
        if (existing != null) {
            return existing;
        }
        CreationalContext<RequestScopeTracker> creational = manager.createCreationalContext(trackerBean);
        return context.get(trackerBean, creational);
    }

    private Context activeRequestContext() {
        // at most one request context is active on a thread; asking each of them is cheaper than
        // collecting every active context, and this runs several times per hop
        for (Context context : requestContexts) {
            if (context.isActive()) {
                return weld.isAlterable(context) ? context : null;
            }
        }
        return null;
    }

    /**
     * Destroys instances that outlived their request, with a request context holding them active,
     * so that their {@code @PreDestroy} methods may still use each other.
     */
    private void destroy(List<Object> instances) {
        if (activeContextOrNull() != null) {
            // the request's own thread (or a container thread ending it): the instances' @PreDestroy
            // methods run with the context that is active there
            instances.forEach(this::destroyOne);
            return;
        }
        HashMap<String, Object> storage = new HashMap<>();
        weld.associate(storage);
        try {
            weld.activate(bound);
            List<Object> first = new ArrayList<>();
            List<Object> duplicates = new ArrayList<>();
            Set<Contextual<?>> beans = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Object instance : instances) {
                (beans.add(weld.contextual(instance)) ? first : duplicates).add(instance);
            }
            weld.clearAndSet(bound, first);
            duplicates.forEach(this::destroyOne);
            weld.invalidateBound();
            weld.deactivate(bound);
        } catch (RuntimeException failure) {
            LOG.destroyFailed(failure);
        } finally {
            weld.dissociate(storage);
        }
    }

    private Context activeContextOrNull() {
        for (Context context : requestContexts) {
            if (context.isActive()) {
                return context;
            }
        }
        return null;
    }

    /**
     * Deactivates the request context active on the calling thread for a while.
     *
     * @return activates it again
     */
    private Runnable setAside(Context active) {
        Hop hop = BOUND_HERE.get();
        if (weld.isBound(active) && hop != null) {
            weld.deactivate(bound);
            weld.dissociate(hop.store());
            BOUND_HERE.set(null);
            return () -> {
                weld.associate(hop.store());
                weld.activate(bound);
                BOUND_HERE.set(hop);
            };
        }
        if (weld.isManaged(active)) {
            weld.deactivate(active);
            return () -> weld.activate(active);
        }
        throw LOG.foreignRequestContext(Thread.currentThread().getName(), active.getClass().getName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void destroyOne(Object instance) {
        try {
            Contextual contextual = weld.contextual(instance);
            contextual.destroy(weld.instance(instance), (CreationalContext) weld.creational(instance));
        } catch (RuntimeException failure) {
            LOG.destroyFailed(failure);
        }
    }

    /** Makes the instances visible in the bound context, unless their beans have instances there already. */
    private void merge(List<Object> instances) {
        if (instances.isEmpty()) {
            return;
        }
        Collection<Object> present = weld.instances(bound);
        Set<Contextual<?>> held = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object instance : present) {
            held.add(weld.contextual(instance));
        }
        List<Object> all = new ArrayList<>(present);
        for (Object instance : instances) {
            if (held.add(weld.contextual(instance))) {
                all.add(instance);
            }
        }
        if (all.size() > present.size()) {
            weld.clearAndSet(bound, all);
        }
    }

    /** A hop bound on a thread: the request's shared store and the request's tracker. */
    private record Hop(Map<String, Object> store, RequestScopeTracker tracker) {
    }

    /** The captured request context of one request. */
    private final class Captured implements ContextSnapshot.Part {

        private final RequestScopeTracker tracker;

        Captured(RequestScopeTracker tracker) {
            this.tracker = tracker;
        }

        /** Whether the active context is this request's: a hop of it bound here, or its own context. */
        private boolean isThisRequests(Context active) {
            if (weld.isBound(active)) {
                Hop hop = BOUND_HERE.get();
                return hop != null && hop.tracker() == tracker;
            }
            return weld.isAlterable(active) && active.get(trackerBean) == tracker;
        }

        @Override
        public ContextSnapshot.Scope restore() {
            Context active = activeContextOrNull();
            Runnable putBack = null;
            if (active != null) {
                if (isThisRequests(active)) {
                    return ContextSnapshot.Scope.NONE; // this request's context is already active here
                }
                putBack = setAside(active);
            }
            Hop previous = BOUND_HERE.get();
            Map<String, Object> store = tracker.beginHop((shared, merge, fresh) -> {
                weld.associate(shared);
                weld.activate(bound);
                BOUND_HERE.set(new Hop(shared, tracker));
                if (fresh) {
                    weld.clearAndSet(bound, merge); // the first hop of the request: nothing to merge with
                } else {
                    merge(merge);
                }
            });
            if (store == null) {
                return putBack == null ? ContextSnapshot.Scope.NONE : putBack::run; // the request is over
            }
            Runnable restoreOther = putBack;
            return () -> {
                try {
                    weld.deactivate(bound);
                } finally {
                    weld.dissociate(store);
                    BOUND_HERE.set(previous); // set, not removed: a pooled thread keeps its entry
                    tracker.endHop();
                    if (restoreOther != null) {
                        restoreOther.run();
                    }
                }
            };
        }
    }
}
