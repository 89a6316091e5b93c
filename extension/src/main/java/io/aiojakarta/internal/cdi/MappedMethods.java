package io.aiojakarta.internal.cdi;

import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Classifies mapped methods by signature. Thread-safe; what it reads once per method is cached.
 */
public final class MappedMethods {

    /**
     * {@code @Suspended} parameter indexes, per declaring class: the cache goes away with the
     * class (and its deployment).
     */
    private static final ClassValue<Map<Method, Integer>> SUSPENDED_INDEX = new ClassValue<>() {
        @Override
        protected Map<Method, Integer> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private MappedMethods() {
    }

    /**
     * Tells whether an around-invoke interceptor applies to the method at all.
     *
     * @param method a method of a bean class
     * @return {@code false} for static, private and {@code Object} methods
     */
    public static boolean intercepted(Method method) {
        int modifiers = method.getModifiers();
        return !Modifier.isStatic(modifiers) && !Modifier.isPrivate(modifiers)
                && method.getDeclaringClass() != Object.class && !method.isSynthetic();
    }

    /**
     * Tells whether the method is a coroutine: it returns {@code CompletionStage} or
     * {@code CompletableFuture}, or takes a {@code @Suspended AsyncResponse}.
     *
     * @param method the method
     * @return {@code true} for a coroutine
     */
    public static boolean isCoroutine(Method method) {
        return returnsStage(method) || takesAsyncResponse(method);
    }

    /**
     * Tells whether the method's declared return type can hold the stage a mapper returns.
     *
     * @param method the method
     * @return {@code true} for {@code CompletionStage} and {@code CompletableFuture}
     */
    public static boolean returnsStage(Method method) {
        Class<?> type = method.getReturnType();
        return type == CompletionStage.class || type == CompletableFuture.class;
    }

    /**
     * Finds the {@code @Suspended AsyncResponse} parameter. Read once per method: the mappers ask
     * on every call, and reflection copies the parameter annotations each time.
     *
     * @param method the method
     * @return its index, or -1
     */
    public static int asyncResponseIndex(Method method) {
        return SUSPENDED_INDEX.get(method.getDeclaringClass()).computeIfAbsent(method, MappedMethods::findAsyncResponse);
    }

    private static int findAsyncResponse(Method method) {
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

    /**
     * Tells whether the method is a Jakarta WebSocket callback ({@code @OnOpen}, {@code @OnMessage},
     * {@code @OnClose}, {@code @OnError}), recognised by name so that the WebSocket API is optional.
     *
     * @param method the method
     * @return {@code true} for a WebSocket callback
     */
    public static boolean isWebSocketCallback(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().getName().startsWith("jakarta.websocket.On")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells whether the method (or its class) carries Jakarta Concurrency's {@code @Asynchronous},
     * recognised by name so that the Concurrency API is optional.
     *
     * @param method the method
     * @return {@code true} when {@code @Asynchronous} applies
     */
    public static boolean isAsynchronous(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().getName().equals("jakarta.enterprise.concurrent.Asynchronous")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Finds the WebSocket {@code Session} parameter.
     *
     * @param method the method
     * @return its index, or -1
     */
    public static int sessionIndex(Method method) {
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            if (types[i].getName().equals("jakarta.websocket.Session")) {
                return i;
            }
        }
        return -1;
    }

    private static boolean takesAsyncResponse(Method method) {
        return asyncResponseIndex(method) >= 0;
    }
}
