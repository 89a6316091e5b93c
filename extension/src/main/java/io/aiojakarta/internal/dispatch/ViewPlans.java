package io.aiojakarta.internal.dispatch;

import io.aiojakarta.AsyncView;
import io.aiojakarta.Mapper;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plans of one container's mapped methods, made by the extension while it validates the
 * deployment, looked up by the dispatcher on every call. A method the extension never saw (a bean
 * added by another extension after validation) gets its plan on its first call, from its
 * interceptor binding, once. Thread-safe.
 */
public final class ViewPlans {

    private final Map<Method, ViewPlan> plans = new ConcurrentHashMap<>();
    private final long defaultTimeoutMillis;

    /**
     * Creates an empty registry.
     *
     * @param defaultTimeoutMillis {@code aiojakarta.timeout-millis}
     */
    public ViewPlans(long defaultTimeoutMillis) {
        this.defaultTimeoutMillis = defaultTimeoutMillis;
    }

    /**
     * Tells whether an around-invoke interceptor applies to the method at all.
     *
     * @param method a method of a bean class
     * @return {@code false} for static, private, synthetic and {@code Object} methods
     */
    public static boolean intercepted(Method method) {
        int modifiers = method.getModifiers();
        return !Modifier.isStatic(modifiers) && !Modifier.isPrivate(modifiers)
                && method.getDeclaringClass() != Object.class && !method.isSynthetic();
    }

    /**
     * At deployment: makes and keeps the plan of a mapped method.
     *
     * @param method the method
     * @param view its effective {@code @AsyncView}
     * @return the plan
     */
    public ViewPlan plan(Method method, AsyncView view) {
        ViewPlan plan = ViewPlan.of(method, view.value(), view.timeoutMillis(), defaultTimeoutMillis);
        plans.put(method, plan);
        return plan;
    }

    /**
     * The plan of an intercepted invocation.
     *
     * @param invocation the invocation
     * @param bound the mapper of the intercepting interceptor
     * @return the plan made at deployment, or on this first call
     */
    ViewPlan of(InvocationContext invocation, Mapper bound) {
        Method method = invocation.getMethod();
        ViewPlan plan = plans.get(method);
        if (plan == null) {
            AsyncView view = invocation.getInterceptorBinding(AsyncView.class);
            long own = view == null ? 0 : view.timeoutMillis();
            plan = plans.computeIfAbsent(method, key -> ViewPlan.of(key, bound, own, defaultTimeoutMillis));
        }
        return plan;
    }

    /**
     * How many plans were made.
     *
     * @return the number of mapped methods known
     */
    public int size() {
        return plans.size();
    }
}
