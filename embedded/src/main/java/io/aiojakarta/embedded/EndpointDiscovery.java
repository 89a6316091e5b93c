package io.aiojakarta.embedded;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.websocket.server.ServerEndpoint;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Collects the {@code @ServerEndpoint} classes CDI discovers, for {@link EndpointDeployment} to
 * deploy on the embedded server, which scans nothing itself. Registered in {@code META-INF/services}.
 */
public final class EndpointDiscovery implements Extension {

    private final Set<Class<?>> endpoints = new LinkedHashSet<>();

    /** For the service loader. */
    public EndpointDiscovery() {
    }

    <T> void collectEndpoints(@Observes @WithAnnotations(ServerEndpoint.class) ProcessAnnotatedType<T> event) {
        Class<T> type = event.getAnnotatedType().getJavaClass();
        if (type.isAnnotationPresent(ServerEndpoint.class) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
            endpoints.add(type);
        }
    }

    /**
     * The endpoint classes, in discovery order.
     *
     * @return the classes CDI discovered with {@code @ServerEndpoint}
     */
    Set<Class<?>> endpoints() {
        return Set.copyOf(endpoints);
    }
}
