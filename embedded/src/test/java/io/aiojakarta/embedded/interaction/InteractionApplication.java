package io.aiojakarta.embedded.interaction;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

@ApplicationPath("/")
public class InteractionApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(LongPollResource.class, NestedResource.class, QueuedResource.class, ProbeResource.class, CallerFilter.class);
    }
}
