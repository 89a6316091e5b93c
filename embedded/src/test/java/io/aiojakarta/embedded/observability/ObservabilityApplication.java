package io.aiojakarta.embedded.observability;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

@ApplicationPath("/")
public class ObservabilityApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(TracedResource.class);
    }
}
