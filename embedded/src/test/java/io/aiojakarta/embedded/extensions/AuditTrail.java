package io.aiojakarta.embedded.extensions;

import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;

@RequestScoped
public class AuditTrail {

    private final List<String> entries = new ArrayList<>();

    public synchronized void add(String entry) {
        entries.add(entry);
    }

    public synchronized String joined() {
        return String.join(",", entries);
    }
}
