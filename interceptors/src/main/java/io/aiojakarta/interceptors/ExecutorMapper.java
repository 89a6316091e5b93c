package io.aiojakarta.interceptors;

import io.aiojakarta.AsyncView;
import io.aiojakarta.Mapper;
import io.aiojakarta.spi.ViewDispatcher;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * The view mapper of {@code @AsyncView(Mapper.EXECUTOR)}. Runs the body on the executor (the
 * server's {@code ManagedExecutorService}, else a bounded pool); the calling greenlet parks until it
 * is done, a calling platform thread blocks, the event loop is refused with a
 * {@code ScopeException}. A call made from a task of that executor runs inline, so that the pool
 * never waits on itself.
 *
 * <p>The caller's context (request-scoped instances, Jakarta REST context data, class loader)
 * travels with the body; results and exceptions reach the caller unwrapped. Thread-safe.
 */
@AsyncView(Mapper.EXECUTOR)
@Interceptor
@Priority(MapperPriority.VALUE)
public class ExecutorMapper {

    private final ViewDispatcher dispatcher;

    /**
     * Creates the mapper.
     *
     * @param dispatcher the extension's dispatcher, which runs the invocation by its method's plan
     */
    @Inject
    public ExecutorMapper(ViewDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /**
     * Maps the invocation.
     *
     * @param invocation the intercepted invocation
     * @return what the caller receives
     * @throws Exception the body's own exception
     */
    @AroundInvoke
    public Object map(InvocationContext invocation) throws Exception {
        return dispatcher.dispatch(Mapper.EXECUTOR, invocation);
    }
}
