package io.aiojakarta.interceptors;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.util.List;

/**
 * Registers the four mappers with the container, so that the jar works without {@code beans.xml}
 * and in any bean discovery mode. Registered in {@code META-INF/services}.
 */
public final class MapperRegistration implements Extension {

    private static final List<Class<?>> MAPPERS = List.of(
            CoroutineOrExecutorMapper.class, CoroutineMapper.class, ExecutorMapper.class, GreenletMapper.class);

    /** For the service loader. */
    public MapperRegistration() {
    }

    void registerMappers(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        for (Class<?> mapper : MAPPERS) {
            event.addAnnotatedType(beanManager.createAnnotatedType(mapper), mapper.getName());
        }
    }
}
