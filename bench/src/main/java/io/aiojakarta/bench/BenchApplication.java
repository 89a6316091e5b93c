package io.aiojakarta.bench;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The benchmark application. */
@ApplicationPath("/")
public class BenchApplication extends Application {

    /** For Jakarta REST. */
    public BenchApplication() {
    }

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(PlainResource.class, MappedResource.class, StatsResource.class, FanOutResource.class,
                AnsweredResponses.class);
    }
}
