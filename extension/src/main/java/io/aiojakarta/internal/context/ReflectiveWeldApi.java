package io.aiojakarta.internal.context;

import io.aiojakarta.internal.Stages;
import jakarta.enterprise.context.spi.Context;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Collection;
import java.util.Map;

/**
 * {@link WeldApi} through method handles, for a server that runs Weld but does not show its API to
 * applications (Open Liberty): Weld's public interfaces are found through the class loader of the
 * container's own bean manager, and only their public methods are called, the same calls
 * {@link DirectWeldApi} makes. Everything is looked up once, when the container starts.
 * Thread-safe.
 */
final class ReflectiveWeldApi implements WeldApi {

    private final Class<?> boundType;
    private final Class<?> alterableType;
    private final Class<?> managedType;
    private final Class<?> instanceType;
    private final Context bound;
    private final MethodHandle getAllContextualInstances;
    private final MethodHandle clearAndSet;
    private final MethodHandle activate;
    private final MethodHandle deactivate;
    private final MethodHandle associate;
    private final MethodHandle dissociate;
    private final MethodHandle invalidate;
    private final MethodHandle getInstance;
    private final MethodHandle getContextual;
    private final MethodHandle getCreationalContext;

    private ReflectiveWeldApi(ClassLoader weld, BeanManager beanManager) throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        this.boundType = Class.forName("org.jboss.weld.context.bound.BoundRequestContext", false, weld);
        this.alterableType = Class.forName("org.jboss.weld.context.WeldAlterableContext", false, weld);
        this.managedType = Class.forName("org.jboss.weld.context.ManagedContext", false, weld);
        this.instanceType = Class.forName("org.jboss.weld.context.api.ContextualInstance", false, weld);
        Class<?> boundContextType = Class.forName("org.jboss.weld.context.BoundContext", false, weld);
        Annotation boundLiteral = (Annotation) Class.forName("org.jboss.weld.context.bound.BoundLiteral", false, weld)
                .getField("INSTANCE").get(null);
        this.bound = (Context) beanManager.createInstance().select(boundType, boundLiteral).get();
        this.getAllContextualInstances = lookup.findVirtual(alterableType, "getAllContextualInstances",
                MethodType.methodType(Collection.class));
        this.clearAndSet = lookup.findVirtual(alterableType, "clearAndSet", MethodType.methodType(void.class, Collection.class));
        this.activate = lookup.findVirtual(managedType, "activate", MethodType.methodType(void.class));
        this.deactivate = lookup.findVirtual(managedType, "deactivate", MethodType.methodType(void.class));
        this.associate = lookup.findVirtual(boundContextType, "associate", MethodType.methodType(boolean.class, Object.class));
        this.dissociate = lookup.findVirtual(boundContextType, "dissociate", MethodType.methodType(boolean.class, Object.class));
        this.invalidate = lookup.findVirtual(managedType, "invalidate", MethodType.methodType(void.class));
        this.getInstance = lookup.findVirtual(instanceType, "getInstance", MethodType.methodType(Object.class));
        this.getContextual = lookup.findVirtual(instanceType, "getContextual", MethodType.methodType(Contextual.class));
        this.getCreationalContext = lookup.findVirtual(instanceType, "getCreationalContext",
                MethodType.methodType(CreationalContext.class));
    }

    /**
     * The API of a Weld container whose classes Aiojakarta cannot see by name.
     *
     * @param beanManager the container's bean manager
     * @return the API, or {@code null} when the container is not Weld or its API cannot be reached
     */
    static WeldApi of(BeanManager beanManager) {
        ClassLoader weld = beanManager.getClass().getClassLoader();
        if (weld == null || !beanManager.getClass().getName().startsWith("org.jboss.weld.")) {
            return null;
        }
        try {
            Class<?> weldManager = Class.forName("org.jboss.weld.manager.api.WeldManager", false, weld);
            return weldManager.isInstance(beanManager) ? new ReflectiveWeldApi(weld, beanManager) : null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unreachable) {
            return null;
        }
    }

    private static RuntimeException failure(Throwable thrown) {
        throw Stages.sneakyThrow(thrown);
    }

    @Override
    public boolean isBound(Context context) {
        return boundType.isInstance(context);
    }

    @Override
    public boolean isAlterable(Context context) {
        return alterableType.isInstance(context);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Collection<Object> instances(Context context) {
        try {
            return (Collection<Object>) getAllContextualInstances.invoke(context);
        } catch (Throwable thrown) {
            throw failure(thrown);
        }
    }

    @Override
    public void clearAndSet(Context context, Collection<Object> instances) {
        try {
            clearAndSet.invoke(context, instances);
        } catch (Throwable thrown) {
            throw failure(thrown);
        }
    }

    @Override
    public boolean isManaged(Context context) {
        return managedType.isInstance(context);
    }

    @Override
    public void activate(Context context) {
        try {
            activate.invoke(context);
        } catch (Throwable thrown) {
            throw failure(thrown);
        }
    }

    @Override
    public void deactivate(Context context) {
        try {
            deactivate.invoke(context);
        } catch (Throwable thrown) {
            throw failure(thrown);
        }
    }

    @Override
    public Context bound() {
        return bound;
    }

    @Override
    public void associate(Map<String, Object> store) {
        try {
            associate.invoke(bound, store);
        } catch (Throwable thrown) {
            throw failure(thrown);
        }
    }

    @Override
    public void dissociate(Map<String, Object> store) {
        try {
            dissociate.invoke(bound, store);
        } catch (Throwable thrown) {
            throw failure(thrown);
        }
    }

    @Override
    public void invalidateBound() {
        try {
            invalidate.invoke(bound);
        } catch (Throwable thrown) {
            throw failure(thrown);
        }
    }

    @Override
    public boolean isContextualInstance(Object value) {
        return instanceType.isInstance(value);
    }

    @Override
    public Object instance(Object contextualInstance) {
        try {
            return getInstance.invoke(contextualInstance);
        } catch (Throwable thrown) {
            throw failure(thrown);
        }
    }

    @Override
    public Contextual<?> contextual(Object contextualInstance) {
        try {
            return (Contextual<?>) getContextual.invoke(contextualInstance);
        } catch (Throwable thrown) {
            throw failure(thrown);
        }
    }

    @Override
    public CreationalContext<?> creational(Object contextualInstance) {
        try {
            return (CreationalContext<?>) getCreationalContext.invoke(contextualInstance);
        } catch (Throwable thrown) {
            throw failure(thrown);
        }
    }
}
