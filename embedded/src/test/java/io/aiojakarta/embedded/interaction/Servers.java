package io.aiojakarta.embedded.interaction;

import io.aiojakarta.embedded.AioServer;
import java.time.Duration;
import java.util.Map;

/** Starts the interaction application with configuration given as system properties for its start only. */
final class Servers {

    private Servers() {
    }

    static AioServer start(Map<String, String> configuration) {
        configuration.forEach(System::setProperty);
        try {
            return AioServer.builder().application(InteractionApplication.class).port(0).drain(Duration.ofSeconds(2)).start();
        } finally {
            configuration.keySet().forEach(System::clearProperty);
        }
    }
}
