package io.aiojakarta.it.portable;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;

/** The request's visitor, set by {@link VisitorFilter} on the request's own thread. */
@RequestScoped
public class Visitor {

    private String name;

    public String name() {
        return name;
    }

    void name(String name) {
        this.name = name;
    }

    @PreDestroy
    void destroyed() {
        if (name != null) {
            Destructions.record("visitor", name);
        }
    }
}
