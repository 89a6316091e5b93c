package io.aiojakarta.embedded.mappers;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

@ApplicationPath("/")
public class MappersApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ThreadsResource.class, AutoResource.class, PlainResource.class);
    }
}
