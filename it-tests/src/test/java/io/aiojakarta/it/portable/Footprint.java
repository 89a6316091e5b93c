package io.aiojakarta.it.portable;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;

/** A request-scoped bean first used on the body's thread, whose destruction is counted. */
@RequestScoped
public class Footprint {

    private String id;

    public void leave(String requestId) {
        this.id = requestId;
    }

    @PreDestroy
    void destroyed() {
        if (id != null) {
            Destructions.record("footprint", id);
        }
    }
}
