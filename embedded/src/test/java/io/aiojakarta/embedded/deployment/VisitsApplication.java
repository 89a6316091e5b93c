package io.aiojakarta.embedded.deployment;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

@ApplicationPath("/")
public class VisitsApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(VisitsResource.class, ResponseCounter.class);
    }
}
