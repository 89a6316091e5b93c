package io.aiojakarta.internal.exec;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingStream;
import static io.aiojakarta.internal.message.RuntimeLogger.LOG;

/**
 * Reports greenlets pinned to their carrier thread, from JDK Flight Recorder's
 * {@code jdk.VirtualThreadPinned} events: a greenlet that blocks while pinned holds a carrier,
 * and enough of them stall every greenlet. Each event past the threshold is logged (AIOJ-0509)
 * with the greenlet's stack and counted. Thread-safe.
 */
public final class PinningReporter implements AutoCloseable {

    private static final String EVENT = "jdk.VirtualThreadPinned";

    private final RecordingStream stream;
    private final LongAdder pinnings = new LongAdder();

    private PinningReporter(RecordingStream stream) {
        this.stream = stream;
    }

    /**
     * Starts listening.
     *
     * @param threshold the shortest pinning reported
     * @return the reporter, or empty when Flight Recorder is not available (logged)
     */
    public static Optional<PinningReporter> start(Duration threshold) {
        try {
            RecordingStream stream = new RecordingStream();
            PinningReporter reporter = new PinningReporter(stream);
            stream.enable(EVENT).withThreshold(threshold).withStackTrace();
            stream.onEvent(EVENT, reporter::report);
            stream.startAsync();
            return Optional.of(reporter);
        } catch (RuntimeException | LinkageError unavailable) {
            LOG.pinningNotReported(unavailable.toString());
            return Optional.empty();
        }
    }

    private void report(RecordedEvent event) {
        RecordedThread thread = event.getThread();
        String name = thread == null ? null : thread.getJavaName();
        if (name == null || !name.startsWith("aio-greenlet-")) {
            return; // someone else's virtual thread
        }
        StringBuilder trace = new StringBuilder();
        RecordedStackTrace stack = event.getStackTrace();
        if (stack != null) {
            for (RecordedFrame frame : stack.getFrames()) {
                trace.append("\n\tat ").append(frame.getMethod().getType().getName()).append('.')
                        .append(frame.getMethod().getName()).append(':').append(frame.getLineNumber());
            }
        }
        LOG.greenletPinned(name, event.getDuration().toMillis(), trace.toString());
        pinnings.increment(); // after the log line: a counted pinning has always been reported
    }

    /**
     * Counts the pinnings reported so far.
     *
     * @return the number of reported pinnings of greenlets
     */
    public long pinnings() {
        return pinnings.sum();
    }

    @Override
    public void close() {
        stream.close();
    }
}
