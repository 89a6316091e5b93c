package io.aiojakarta.it.portable;

import io.aiojakarta.embedded.faults.SlowResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The loop-stall test's application: the slow resources and the JFR watch. */
@ApplicationPath("/")
public class StallApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(SlowResource.class, JfrWatchResource.class);
    }
}
