package io.aiojakarta.it.portable;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

@ApplicationPath("/")
public class ProbeApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ThreadNamesResource.class);
    }
}
