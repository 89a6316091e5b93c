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
 * The view mapper of {@code @AsyncView(Mapper.COROUTINE)}. Runs the body on the event loop and
 * returns a stage at once; the stage the body returns is flattened into it, so no thread waits.
 * The caller's stage is completed on a greenlet with the caller's own context (which writes the
 * response); a caller already on the loop runs the body inline and gets the body's own stage.
 *
 * <p>The caller's context (request-scoped instances, Jakarta REST context data, class loader)
 * travels with the body; results and exceptions reach the caller unwrapped. Thread-safe.
 */
@AsyncView(Mapper.COROUTINE)
@Interceptor
@Priority(MapperPriority.VALUE)
public class CoroutineMapper {

    private final ViewDispatcher dispatcher;

    /**
     * Creates the mapper.
     *
     * @param dispatcher the extension's dispatcher, which runs the invocation by its method's plan
     */
    @Inject
    public CoroutineMapper(ViewDispatcher dispatcher) {
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
        return dispatcher.dispatch(Mapper.COROUTINE, invocation);
    }
}
