package io.aiojakarta.example;

import io.aiojakarta.EventLoop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalTime;
import java.util.concurrent.CompletionStage;

/**
 * An asynchronous lookup (standing for a cache or a remote call) of the message of the day.
 */
@ApplicationScoped
public class MotdService {

    @Inject
    EventLoop loop;

    /** For CDI. */
    public MotdService() {
    }

    /**
     * Looks the message up.
     *
     * @return the message, after a short wait on the event loop
     */
    public CompletionStage<String> fetch() {
        return loop.sleep(Duration.ofMillis(5)).thenApply(ignored -> "have a non-blocking "
                + (LocalTime.now().getHour() < 12 ? "morning" : "day"));
    }
}
