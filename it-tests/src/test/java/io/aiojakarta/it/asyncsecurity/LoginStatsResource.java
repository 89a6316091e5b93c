package io.aiojakarta.it.asyncsecurity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.consumer.RecordingStream;

/**
 * Open to everyone: counts the server JVM's greenlet pinnings (JFR {@code jdk.VirtualThreadPinned},
 * every one, however short) while it watches, and the identity store's validations.
 */
@Path("stats")
@ApplicationScoped
public class LoginStatsResource {

    /** Where each pinned greenlet was: the top frames of its event's stack, for the failure's message. */
    private final List<String> pinnedAt = new CopyOnWriteArrayList<>();
    private final AtomicLong flushes = new AtomicLong();
    private RecordingStream stream;

    @POST
    @Path("watch")
    public synchronized String watch() {
        if (stream == null) {
            stream = new RecordingStream();
            stream.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO);
            stream.onEvent("jdk.VirtualThreadPinned", event -> pinnedAt.add(event.getStackTrace() == null ? "[no stack]"
                    : event.getStackTrace().getFrames().stream().limit(6)
                            .map(frame -> frame.getMethod().getType().getName() + "." + frame.getMethod().getName())
                            .toList().toString()));
            stream.onFlush(flushes::incrementAndGet);
            stream.startAsync();
        }
        DirectoryIdentityStore.VALIDATIONS.set(0);
        DirectoryIdentityStore.ON_PLATFORM_THREADS.set(0);
        pinnedAt.clear();
        return "watching";
    }

    /**
     * The counts, once the recording has flushed twice since this call: every event recorded before
     * it has been delivered.
     */
    @GET
    public String stats() throws InterruptedException {
        long seen = flushes.get();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (flushes.get() < seen + 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return "flushed=" + (flushes.get() >= seen + 2) + "," + counts();
    }

    private String counts() {
        return "validations=" + DirectoryIdentityStore.VALIDATIONS.get() + ",platform="
                + DirectoryIdentityStore.ON_PLATFORM_THREADS.get() + ",pinned=" + pinnedAt.size() + ",at=" + pinnedAt;
    }

    @POST
    @Path("stop")
    public synchronized String stop() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
        return "stopped";
    }
}
