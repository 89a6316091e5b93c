package io.aiojakarta.spi;

import io.aiojakarta.Mapper;
import jakarta.interceptor.InvocationContext;

/**
 * Runs one intercepted invocation of a mapped method the way its mapper says: an injectable
 * {@code @ApplicationScoped} bean of the extension, on which each view mapper of
 * {@code aiojakarta-interceptors} is a thin binding.
 *
 * <p>What to do for each method (which thread, which timeout, how the result reaches the caller) was
 * decided once, at deployment, into a plan; a call only looks the plan up. The caller's context
 * travels with the body, results and exceptions reach the caller unwrapped.
 *
 * <p>Thread-safe: called on whatever thread calls the mapped method.
 */
public interface ViewDispatcher {

    /**
     * Runs the invocation.
     *
     * @param mapper the mapper the intercepting interceptor is bound to
     * @param invocation the intercepted invocation
     * @return what the caller receives: a stage for a method returning one, {@code null} for a
     *     {@code @Suspended AsyncResponse} coroutine, else the body's own value
     * @throws Exception the body's own exception, or a refusal ({@code RejectedExecutionException},
     *     503 over HTTP), a timeout ({@code ViewTimeoutException}) or a {@code ScopeException}
     */
    Object dispatch(Mapper mapper, InvocationContext invocation) throws Exception;
}
