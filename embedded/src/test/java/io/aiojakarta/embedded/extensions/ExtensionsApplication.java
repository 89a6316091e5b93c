package io.aiojakarta.embedded.extensions;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

@ApplicationPath("/api")
public class ExtensionsApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(OrdersResource.class, ApiKeyFilter.class, OrderNotFoundMapper.class);
    }
}
