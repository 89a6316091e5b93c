package io.aiojakarta.internal.context;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.spi.Context;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.weld.context.ManagedContext;
import org.jboss.weld.context.WeldAlterableContext;
import org.jboss.weld.context.api.ContextualInstance;
import org.jboss.weld.context.bound.BoundLiteral;
import org.jboss.weld.context.bound.BoundRequestContext;
import org.jboss.weld.manager.api.WeldManager;

/**
 * Carries a request's {@code @RequestScoped} instances (the same instances) to hop threads with
 * Weld's bound request context, every hop of one request sharing one store, and has every instance
 * destroyed exactly once through the request's {@link RequestScopeTracker}. Thread-safe; one per
 * CDI container.
 *
 * <p>A hop thread that already has another request's context active (a continuation run inline by
 * a user's direct executor) has that context set aside while the hop runs, and put back after:
 * one request's code never sees another request's instances.
 */
public final class WeldRequestScope {

    private static final Logger LOG = System.getLogger(WeldRequestScope.class.getName());
    /** The store this class bound on the calling thread, to set it aside and bind it again. */
    private static final ThreadLocal<Map<String, Object>> BOUND_HERE = new ThreadLocal<>();

    private final WeldManager manager;
    private final BoundRequestContext bound;
    private final Bean<RequestScopeTracker> trackerBean;

    /**
     * Creates the carrier for one container.
     *
     * @param beanManager the container's bean manager (a Weld one)
     */
    @SuppressWarnings("unchecked")
    public WeldRequestScope(BeanManager beanManager) {
        this.manager = (WeldManager) beanManager;
        this.bound = beanManager.createInstance().select(BoundRequestContext.class, BoundLiteral.INSTANCE).get();
        this.trackerBean = (Bean<RequestScopeTracker>) beanManager.resolve(beanManager.getBeans(RequestScopeTracker.class));
    }

    /**
     * Captures the request context active on the calling thread, if any.
     *
     * @return the part to restore on a hop thread, or empty when no request context is active
     */
    public Optional<ContextSnapshot.Part> capture() {
        WeldAlterableContext context = activeRequestContext();
        if (context == null) {
            return Optional.empty();
        }
        RequestScopeTracker tracker = tracker(context);
        if (!(context instanceof BoundRequestContext)) {
            tracker.recordOrigin(context.getAllContextualInstances(), this::destroy);
        }
        return Optional.of(new Captured(tracker));
    }

    /**
     * The request tracker of the request context active on the calling thread.
     *
     * @return the tracker, or empty when no request context is active
     */
    public Optional<RequestScopeTracker> currentTracker() {
        WeldAlterableContext context = activeRequestContext();
        return context == null ? Optional.empty() : Optional.of(tracker(context));
    }

    /**
     * On the thread serving a request whose response will complete asynchronously: has every
     * request-scoped instance of the request destroyed once the response is complete.
     *
     * @return {@code true} when the request is asynchronous and its end was registered
     */
    public boolean endWithAsyncResponse() {
        WeldAlterableContext context = activeRequestContext();
        return context != null && !(context instanceof BoundRequestContext) && AsyncRequestEnd.register(tracker(context));
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
        WeldAlterableContext context = activeRequestContext();
        if (context == null || context instanceof BoundRequestContext) {
            return;
        }
        RequestScopeTracker tracker = context.get(trackerBean);
        if (tracker == null) {
            return;
        }
        if (tracker.originReleased(context.getAllContextualInstances(), this::destroy, responsePending)) {
            // whatever the container decides next, it finds nothing left to destroy
            context.clearAndSet(List.of());
        }
    }

    /**
     * After a hop the calling thread waited for: puts the instances first created on hops into the
     * calling thread's request context, so that the code that follows sees the same instances.
     */
    public void adoptHopInstances() {
        WeldAlterableContext context = activeRequestContext();
        if (context == null || context instanceof BoundRequestContext) {
            return;
        }
        RequestScopeTracker tracker = context.get(trackerBean);
        if (tracker == null) {
            return;
        }
        Collection<ContextualInstance<?>> present = context.getAllContextualInstances();
        List<ContextualInstance<?>> adopted = tracker.adopt(present);
        if (!adopted.isEmpty()) {
            List<ContextualInstance<?>> all = new ArrayList<>(present);
            all.addAll(adopted);
            context.clearAndSet(all);
        }
    }

    private RequestScopeTracker tracker(WeldAlterableContext context) {
        CreationalContext<RequestScopeTracker> creational = manager.createCreationalContext(trackerBean);
        return context.get(trackerBean, creational);
    }

    private WeldAlterableContext activeRequestContext() {
        // at most one request context is active on a thread; asking each of them is cheaper than
        // Weld's collection of every active context, and this runs several times per hop
        for (Context context : manager.getContexts(RequestScoped.class)) {
            if (context.isActive()) {
                return context instanceof WeldAlterableContext alterable ? alterable : null;
            }
        }
        return null;
    }

    /**
     * Destroys instances that outlived their request, with a request context holding them active,
     * so that their {@code @PreDestroy} methods may still use each other.
     */
    private void destroy(List<ContextualInstance<?>> instances) {
        if (manager.isContextActive(RequestScoped.class)) {
            // the request's own thread (or a container thread ending it): the instances' @PreDestroy
            // methods run with the context that is active there
            instances.forEach(WeldRequestScope::destroyOne);
            return;
        }
        HashMap<String, Object> storage = new HashMap<>();
        bound.associate(storage);
        try {
            bound.activate();
            List<ContextualInstance<?>> first = new ArrayList<>();
            List<ContextualInstance<?>> duplicates = new ArrayList<>();
            Set<Contextual<?>> beans = Collections.newSetFromMap(new IdentityHashMap<>());
            for (ContextualInstance<?> instance : instances) {
                (beans.add(instance.getContextual()) ? first : duplicates).add(instance);
            }
            bound.clearAndSet(first);
            duplicates.forEach(WeldRequestScope::destroyOne);
            bound.invalidate();
            bound.deactivate();
        } catch (RuntimeException failure) {
            LOG.log(Level.ERROR, "AIOJ-0506 destroying request-scoped instances failed", failure);
        } finally {
            bound.dissociate(storage);
        }
    }

    private Context activeContextOrNull() {
        for (Context context : manager.getContexts(RequestScoped.class)) {
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
        Map<String, Object> store = BOUND_HERE.get();
        if (active instanceof BoundRequestContext && store != null) {
            bound.deactivate();
            bound.dissociate(store);
            BOUND_HERE.set(null);
            return () -> {
                bound.associate(store);
                bound.activate();
                BOUND_HERE.set(store);
            };
        }
        if (active instanceof ManagedContext managed) {
            managed.deactivate();
            return managed::activate;
        }
        throw new IllegalStateException("AIOJ-0514 thread '" + Thread.currentThread().getName() + "' has request "
                + "context " + active.getClass().getName() + " active, which cannot be set aside to run another "
                + "request's code; run that code on the event loop or a greenlet instead");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void destroyOne(ContextualInstance<?> instance) {
        try {
            Contextual contextual = instance.getContextual();
            contextual.destroy(instance.getInstance(), instance.getCreationalContext());
        } catch (RuntimeException failure) {
            LOG.log(Level.ERROR, "AIOJ-0506 destroying a request-scoped instance failed", failure);
        }
    }

    /** Makes the instances visible in the bound context, unless their beans have instances there already. */
    private void merge(List<ContextualInstance<?>> instances) {
        if (instances.isEmpty()) {
            return;
        }
        Collection<ContextualInstance<?>> present = bound.getAllContextualInstances();
        Set<Contextual<?>> held = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ContextualInstance<?> instance : present) {
            held.add(instance.getContextual());
        }
        List<ContextualInstance<?>> all = new ArrayList<>(present);
        for (ContextualInstance<?> instance : instances) {
            if (held.add(instance.getContextual())) {
                all.add(instance);
            }
        }
        if (all.size() > present.size()) {
            bound.clearAndSet(all);
        }
    }

    /** The captured request context of one request. */
    private final class Captured implements ContextSnapshot.Part {

        private final RequestScopeTracker tracker;

        Captured(RequestScopeTracker tracker) {
            this.tracker = tracker;
        }

        @Override
        public ContextSnapshot.Scope restore() {
            Context active = activeContextOrNull();
            Runnable putBack = null;
            if (active != null) {
                if (active instanceof WeldAlterableContext alterable && alterable.get(trackerBean) == tracker) {
                    return ContextSnapshot.Scope.NONE; // this request's context is already active here
                }
                putBack = setAside(active);
            }
            Map<String, Object> previous = BOUND_HERE.get();
            Map<String, Object> store = tracker.beginHop((shared, merge, fresh) -> {
                bound.associate(shared);
                bound.activate();
                BOUND_HERE.set(shared);
                if (fresh) {
                    bound.clearAndSet(merge); // the first hop of the request: nothing to merge with
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
                    bound.deactivate();
                } finally {
                    bound.dissociate(store);
                    BOUND_HERE.set(previous); // set, not removed: a pooled thread keeps its entry
                    tracker.endHop();
                    if (restoreOther != null) {
                        restoreOther.run();
                    }
                }
            };
        }
    }

    /**
     * Tells whether request scopes of this bean manager can be carried: only Weld's can.
     *
     * @param beanManager the bean manager
     * @return {@code true} for a Weld bean manager
     */
    public static boolean supports(BeanManager beanManager) {
        return beanManager instanceof WeldManager;
    }
}
