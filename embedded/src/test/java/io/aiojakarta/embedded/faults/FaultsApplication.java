package io.aiojakarta.embedded.faults;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

@ApplicationPath("/")
public class FaultsApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(SlowResource.class);
    }
}
