package io.aiojakarta.example;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The starter application, served at the root of its context.
 */
@ApplicationPath("/")
public class StarterApplication extends Application {

    /** For Jakarta REST. */
    public StarterApplication() {
    }

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(IndexResource.class, HelloResource.class, LegacyReportResource.class, UpstreamResource.class,
                FanOutResource.class, MotdFilter.class, ChatPageResource.class, RuntimePanelResource.class, LoadResource.class,
                ProblemDetailsMapper.class);
    }
}
