package io.aiojakarta.internal.context;

import io.aiojakarta.internal.Stages;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ResteasyContextData} through method handles, for a server that runs RESTEasy without
 * showing it to applications (Open Liberty): the same public calls on RESTEasy's
 * {@code ResteasyContext}, found through the class loader of one of RESTEasy's own objects.
 * Immutable and thread-safe.
 */
final class HiddenResteasyContext {

    private final MethodHandle getContextDataMap;
    private final MethodHandle pushContextDataMap;
    private final MethodHandle removeContextDataLevel;

    private HiddenResteasyContext(Class<?> resteasyContext) throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        this.getContextDataMap = lookup.findStatic(resteasyContext, "getContextDataMap",
                MethodType.methodType(Map.class, boolean.class));
        this.pushContextDataMap = lookup.findStatic(resteasyContext, "pushContextDataMap",
                MethodType.methodType(void.class, Map.class));
        this.removeContextDataLevel = lookup.findStatic(resteasyContext, "removeContextDataLevel",
                MethodType.methodType(void.class));
    }

    /**
     * RESTEasy's context API as seen from one of its objects.
     *
     * @param resteasyObject an object of RESTEasy's (a {@code FeatureContext} it passed in)
     * @return the API, or empty when the object's class loader has no {@code ResteasyContext}
     */
    static Optional<HiddenResteasyContext> of(Object resteasyObject) {
        ClassLoader loader = resteasyObject.getClass().getClassLoader();
        if (loader == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new HiddenResteasyContext(
                    Class.forName("org.jboss.resteasy.core.ResteasyContext", false, loader)));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException unreachable) {
            return Optional.empty();
        }
    }

    /**
     * As {@link ResteasyContextData#capture()}.
     *
     * @return the part, or empty when the thread has no Jakarta REST request
     */
    @SuppressWarnings("unchecked")
    Optional<ContextSnapshot.Part> capture() {
        Map<Class<?>, Object> data;
        try {
            data = (Map<Class<?>, Object>) getContextDataMap.invoke(false);
        } catch (Throwable failure) {
            throw Stages.sneakyThrow(failure);
        }
        if (data == null || data.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(() -> {
            invoke(pushContextDataMap, data);
            return () -> invoke(removeContextDataLevel, null);
        });
    }

    private static void invoke(MethodHandle handle, Object argument) {
        try {
            if (argument == null) {
                handle.invoke();
            } else {
                handle.invoke(argument);
            }
        } catch (Throwable failure) {
            throw Stages.sneakyThrow(failure);
        }
    }
}
