package io.aiojakarta.internal.websocket;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.websocket.server.ServerEndpointConfig;
import java.lang.reflect.InvocationTargetException;
import io.aiojakarta.internal.message.WebSocketLogger;

/**
 * Creates WebSocket endpoint instances as CDI beans (injected and intercepted, so that
 * {@code @AsyncView} applies to their methods) when the endpoint class is a bean, else by its
 * no-argument constructor. One instance per connection. Thread-safe.
 */
public final class CdiEndpointConfigurator extends ServerEndpointConfig.Configurator {

    private final BeanManager beanManager;

    /**
     * Creates the configurator.
     *
     * @param beanManager the application's bean manager
     */
    public CdiEndpointConfigurator(BeanManager beanManager) {
        this.beanManager = beanManager;
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        if (!beanManager.getBeans(endpointClass).isEmpty()) {
            Instance<T> instance = beanManager.createInstance().select(endpointClass);
            return instance.get();
        }
        try {
            return endpointClass.getDeclaredConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw WebSocketLogger.LOG.cannotCreateEndpoint(endpointClass.getName(), e);
        }
    }
}
