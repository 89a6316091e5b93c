package io.aiojakarta.it.extensions;

import jakarta.enterprise.context.RequestScoped;

@RequestScoped
public class AuditTrail {

    private volatile String thread = "none";

    public void record(String thread) {
        this.thread = thread;
    }

    public String thread() {
        return thread;
    }
}
