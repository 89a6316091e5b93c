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
 * The view mapper of {@code @AsyncView(Mapper.COROUTINE_OR_EXECUTOR)}, bound by a bare
 * {@code @AsyncView}. The choice is made per method at deployment: a method returning
 * {@code CompletionStage} or taking {@code @Suspended AsyncResponse} runs as {@link CoroutineMapper}
 * does, any other as {@link ExecutorMapper} does.
 *
 * <p>The caller's context (request-scoped instances, Jakarta REST context data, class loader)
 * travels with the body; results and exceptions reach the caller unwrapped. Thread-safe.
 */
@AsyncView(Mapper.COROUTINE_OR_EXECUTOR)
@Interceptor
@Priority(MapperPriority.VALUE)
public class CoroutineOrExecutorMapper {

    private final ViewDispatcher dispatcher;

    /**
     * Creates the mapper.
     *
     * @param dispatcher the extension's dispatcher, which runs the invocation by its method's plan
     */
    @Inject
    public CoroutineOrExecutorMapper(ViewDispatcher dispatcher) {
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
        return dispatcher.dispatch(Mapper.COROUTINE_OR_EXECUTOR, invocation);
    }
}
