package io.aiojakarta.it.asyncsecurity;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

@ApplicationPath("/")
public class AsyncLoginApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(WhoAmIResource.class, LoginStatsResource.class);
    }
}
