package io.aiojakarta.internal.context;

import jakarta.enterprise.context.spi.Context;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Collection;
import java.util.Map;
import org.jboss.weld.context.ManagedContext;
import org.jboss.weld.context.WeldAlterableContext;
import org.jboss.weld.context.api.ContextualInstance;
import org.jboss.weld.context.bound.BoundLiteral;
import org.jboss.weld.context.bound.BoundRequestContext;
import org.jboss.weld.manager.api.WeldManager;

/** {@link WeldApi} called directly, where Weld's API is visible to Aiojakarta. Thread-safe. */
final class DirectWeldApi implements WeldApi {

    private final BoundRequestContext bound;

    private DirectWeldApi(BoundRequestContext bound) {
        this.bound = bound;
    }

    /** The API of a Weld container, or {@code null} when the bean manager is no Weld one. */
    static WeldApi of(BeanManager beanManager) {
        if (!(beanManager instanceof WeldManager)) {
            return null;
        }
        return new DirectWeldApi(beanManager.createInstance().select(BoundRequestContext.class, BoundLiteral.INSTANCE).get());
    }

    @Override
    public boolean isBound(Context context) {
        return context instanceof BoundRequestContext;
    }

    @Override
    public boolean isAlterable(Context context) {
        return context instanceof WeldAlterableContext;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Collection<Object> instances(Context context) {
        return (Collection) ((WeldAlterableContext) context).getAllContextualInstances();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void clearAndSet(Context context, Collection<Object> instances) {
        ((WeldAlterableContext) context).clearAndSet((Collection) instances);
    }

    @Override
    public boolean isManaged(Context context) {
        return context instanceof ManagedContext;
    }

    @Override
    public void activate(Context context) {
        ((ManagedContext) context).activate();
    }

    @Override
    public void deactivate(Context context) {
        ((ManagedContext) context).deactivate();
    }

    @Override
    public Context bound() {
        return bound;
    }

    @Override
    public void associate(Map<String, Object> store) {
        bound.associate(store);
    }

    @Override
    public void dissociate(Map<String, Object> store) {
        bound.dissociate(store);
    }

    @Override
    public void invalidateBound() {
        bound.invalidate();
    }

    @Override
    public boolean isContextualInstance(Object value) {
        return value instanceof ContextualInstance<?>;
    }

    @Override
    public Object instance(Object contextualInstance) {
        return ((ContextualInstance<?>) contextualInstance).getInstance();
    }

    @Override
    public Contextual<?> contextual(Object contextualInstance) {
        return ((ContextualInstance<?>) contextualInstance).getContextual();
    }

    @Override
    public CreationalContext<?> creational(Object contextualInstance) {
        return ((ContextualInstance<?>) contextualInstance).getCreationalContext();
    }
}
