package io.aiojakarta.internal.dispatch;

import io.aiojakarta.Mapper;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.StringJoiner;
import java.util.concurrent.CompletionStage;

/**
 * What to do with every call of one mapped method, decided once at deployment: where the body
 * runs, its timeout, how its result reaches the caller. Immutable.
 *
 * @param method the mapped method
 * @param name the method as messages name it ({@code com.acme.Orders#list(String)})
 * @param declared the mapper its {@code @AsyncView} names
 * @param route where the body runs, for the declared mapper
 * @param timeoutMillis the method's {@code timeoutMillis}, else {@code aiojakarta.timeout-millis}; 0 for none
 * @param returns how the body hands back its result
 * @param suspendedIndex the index of the {@code @Suspended AsyncResponse} parameter, or -1
 * @param sessionIndex the index of a WebSocket {@code Session} parameter, or -1
 * @param webSocketCallback whether the method is a Jakarta WebSocket callback
 * @param asynchronous whether the method also carries Jakarta Concurrency's {@code @Asynchronous}
 */
public record ViewPlan(Method method, String name, Mapper declared, Route route, long timeoutMillis, Returns returns,
        int suspendedIndex, int sessionIndex, boolean webSocketCallback, boolean asynchronous) {

    /** Where a body runs. */
    public enum Route {
        /** On the event loop; the caller gets a stage (or its {@code AsyncResponse} is resumed). */
        COROUTINE,
        /** On the executor; the caller waits. */
        EXECUTOR,
        /** On a greenlet; the caller waits. */
        GREENLET,
        /** A WebSocket callback on the event loop, in order per connection. */
        WEBSOCKET
    }

    /** How a body hands back its result. */
    public enum Returns {
        /** It returns a {@code CompletionStage} (or {@code CompletableFuture}). */
        STAGE,
        /** It returns nothing and answers through a {@code @Suspended AsyncResponse}. */
        SUSPENDED,
        /** It returns a plain value (or nothing). */
        VALUE
    }

    /**
     * Makes the plan of a method.
     *
     * @param method the mapped method
     * @param declared the mapper of its effective {@code @AsyncView} (the method's, else its class's)
     * @param ownTimeoutMillis the {@code timeoutMillis} of that {@code @AsyncView}
     * @param defaultTimeoutMillis {@code aiojakarta.timeout-millis}
     * @return the plan
     */
    public static ViewPlan of(Method method, Mapper declared, long ownTimeoutMillis, long defaultTimeoutMillis) {
        int suspended = suspendedIndex(method);
        Returns returns = returnsStage(method) ? Returns.STAGE : suspended >= 0 ? Returns.SUSPENDED : Returns.VALUE;
        boolean webSocket = hasAnnotationNamed(method, "jakarta.websocket.On");
        long timeout = ownTimeoutMillis > 0 ? ownTimeoutMillis : defaultTimeoutMillis;
        return new ViewPlan(method, describe(method), declared, route(declared, returns, webSocket), timeout,
                returns, suspended, sessionIndex(method), webSocket,
                hasAnnotationNamed(method, "jakarta.enterprise.concurrent.Asynchronous"));
    }

    /**
     * Where the body runs when the invocation is intercepted by the given mapper: the plan's own
     * route for its declared mapper.
     *
     * @param bound the mapper of the intercepting interceptor
     * @return the route
     */
    public Route routeFor(Mapper bound) {
        return bound == declared ? route : route(bound, returns, webSocketCallback);
    }

    /**
     * Tells whether the method can be a coroutine: it returns a stage or takes
     * {@code @Suspended AsyncResponse}.
     *
     * @return {@code true} for a coroutine
     */
    public boolean coroutine() {
        return returns != Returns.VALUE;
    }

    private static Route route(Mapper mapper, Returns returns, boolean webSocket) {
        boolean coroutine = returns != Returns.VALUE;
        return switch (mapper) {
            case COROUTINE -> webSocket ? Route.WEBSOCKET : Route.COROUTINE;
            case EXECUTOR -> Route.EXECUTOR;
            case GREENLET -> Route.GREENLET;
            case COROUTINE_OR_EXECUTOR -> coroutine ? (webSocket ? Route.WEBSOCKET : Route.COROUTINE) : Route.EXECUTOR;
        };
    }

    private static boolean returnsStage(Method method) {
        Class<?> type = method.getReturnType();
        return type == CompletionStage.class || type == CompletableFuture.class;
    }

    private static int suspendedIndex(Method method) {
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == AsyncResponse.class) {
                for (Annotation annotation : annotations[i]) {
                    if (annotation.annotationType() == Suspended.class) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    private static int sessionIndex(Method method) {
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            if (types[i].getName().equals("jakarta.websocket.Session")) {
                return i;
            }
        }
        return -1;
    }

    /** Recognises WebSocket and Concurrency annotations by name, so that neither API is required. */
    private static boolean hasAnnotationNamed(Method method, String prefix) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().getName().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Names a method as messages do: {@code com.acme.Orders#list(String)}.
     *
     * @param method the method
     * @return its declaring class's name, {@code #}, its name and its parameters' simple type names
     */
    public static String describe(Method method) {
        StringJoiner parameters = new StringJoiner(", ", "(", ")");
        for (Class<?> type : method.getParameterTypes()) {
            parameters.add(type.getSimpleName());
        }
        return method.getDeclaringClass().getName() + "#" + method.getName() + parameters;
    }
}
