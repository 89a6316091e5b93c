package io.aiojakarta.it.portable;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

@ApplicationPath("/api")
public class AfterChainApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(AfterChainResource.class);
    }
}
