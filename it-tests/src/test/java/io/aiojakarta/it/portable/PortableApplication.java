package io.aiojakarta.it.portable;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

@ApplicationPath("/api")
public class PortableApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(MappersResource.class, VisitorFilter.class);
    }
}
