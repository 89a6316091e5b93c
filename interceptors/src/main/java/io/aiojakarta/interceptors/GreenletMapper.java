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
 * The view mapper of {@code @AsyncView(Mapper.GREENLET)}. Runs the body on a greenlet (inline when
 * the caller already is one), where it may {@code await} stages freely; a calling platform thread
 * blocks until it is done, the event loop is refused with a {@code ScopeException}.
 *
 * <p>The caller's context (request-scoped instances, Jakarta REST context data, class loader)
 * travels with the body; results and exceptions reach the caller unwrapped. Thread-safe.
 */
@AsyncView(Mapper.GREENLET)
@Interceptor
@Priority(MapperPriority.VALUE)
public class GreenletMapper {

    private final ViewDispatcher dispatcher;

    /**
     * Creates the mapper.
     *
     * @param dispatcher the extension's dispatcher, which runs the invocation by its method's plan
     */
    @Inject
    public GreenletMapper(ViewDispatcher dispatcher) {
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
        return dispatcher.dispatch(Mapper.GREENLET, invocation);
    }
}
