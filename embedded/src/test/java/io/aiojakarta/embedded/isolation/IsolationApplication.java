package io.aiojakarta.embedded.isolation;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

@ApplicationPath("/")
public class IsolationApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(IsolationResource.class, TagFilter.class);
    }
}
