package io.aiojakarta.embedded.mappers;

import io.aiojakarta.embedded.support.ThreadsResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

@ApplicationPath("/")
public class MappersApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ThreadsResource.class, ClassLevelExecutorResource.class, AutoResource.class, PlainResource.class);
    }
}
