package io.aiojakarta.it.portable;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The saturation test's application: its one resource. */
@ApplicationPath("/api")
public class HoldingApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(HoldingResource.class);
    }
}
