package io.aiojakarta.internal.context;

import jakarta.enterprise.context.spi.Context;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import java.util.Collection;
import java.util.Map;

/**
 * The parts of Weld's API that carry a request scope to hop threads, with Weld's own types seen
 * as {@code Object} (a contextual instance) or {@link Context}: called directly where Weld's API is
 * visible to applications (WildFly, GlassFish, embedded), through method handles where the server
 * hides it but Weld is the container (Open Liberty). Implementations are thread-safe.
 */
interface WeldApi {

    /** Whether the context is Weld's bound request context. */
    boolean isBound(Context context);

    /** Whether the context lets its instances be read and replaced. */
    boolean isAlterable(Context context);

    /** The contextual instances the context holds on the calling thread. */
    Collection<Object> instances(Context context);

    /** Replaces the contextual instances the context holds on the calling thread. */
    void clearAndSet(Context context, Collection<Object> instances);

    /** Whether the context can be deactivated and activated again on the calling thread. */
    boolean isManaged(Context context);

    /** Activates a managed context on the calling thread. */
    void activate(Context context);

    /** Deactivates a managed context on the calling thread. */
    void deactivate(Context context);

    /** The container's bound request context. */
    Context bound();

    /** Binds a store to the bound request context on the calling thread. */
    void associate(Map<String, Object> store);

    /** Unbinds a store from the bound request context on the calling thread. */
    void dissociate(Map<String, Object> store);

    /** Marks the bound request context's instances for destruction at its deactivation. */
    void invalidateBound();

    /** Whether an object is a contextual instance. */
    boolean isContextualInstance(Object value);

    /** The bean instance of a contextual instance. */
    Object instance(Object contextualInstance);

    /** The bean of a contextual instance. */
    Contextual<?> contextual(Object contextualInstance);

    /** The creational context of a contextual instance. */
    CreationalContext<?> creational(Object contextualInstance);
}
