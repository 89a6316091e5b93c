package io.aiojakarta.bench;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark server's count of answered requests, read twice during one P1 run ({@code bench/run.sh}
 * asks {@link StatsResource} a fifth of the way into the run and again at nine tenths): the rate at
 * which the server answered while every connection was busy, without wrk's start (opening its
 * connections, the first wave of requests) and its end (requests still in flight when it stops,
 * which its own requests-per-second leave out).
 *
 * @param answeredAtStart responses counted at the window's start
 * @param nanosAtStart the server's clock then
 * @param answeredAtEnd responses counted at the window's end
 * @param nanosAtEnd the server's clock then
 */
public record SteadyWindow(long answeredAtStart, long nanosAtStart, long answeredAtEnd, long nanosAtEnd) {

    private static final Pattern SAMPLE = Pattern.compile("^(start|end)=\\{.*\"answered\":(\\d+),\"nanos\":(-?\\d+)}\\s*$", Pattern.MULTILINE);

    /**
     * Checks that the window is one.
     *
     * @throws IllegalArgumentException when the end is not after the start
     */
    public SteadyWindow {
        if (nanosAtEnd <= nanosAtStart || answeredAtEnd < answeredAtStart) {
            throw new IllegalArgumentException("not a window: " + answeredAtStart + " answered at " + nanosAtStart
                    + " ns, " + answeredAtEnd + " at " + nanosAtEnd + " ns");
        }
    }

    /**
     * Reads the two samples {@code bench/run.sh} writes: {@code start=<stats JSON>} and {@code end=<stats JSON>}.
     * A sample is empty when the server did not answer the stats request within its 5 s (the plain
     * blocking resource's 16 workers are all busy under P1's load): then there is no window.
     *
     * @param text the window file
     * @return the window, or empty when either sample is missing
     */
    public static Optional<SteadyWindow> find(String text) {
        long[] start = null;
        long[] end = null;
        Matcher sample = SAMPLE.matcher(text);
        while (sample.find()) {
            long[] read = {Long.parseLong(sample.group(2)), Long.parseLong(sample.group(3))};
            if (sample.group(1).equals("start")) {
                start = read;
            } else {
                end = read;
            }
        }
        return start == null || end == null ? Optional.empty() : Optional.of(new SteadyWindow(start[0], start[1], end[0], end[1]));
    }

    /**
     * The server's throughput in the window.
     *
     * @return responses per second between the two samples
     */
    public double requestsPerSecond() {
        return (answeredAtEnd - answeredAtStart) * 1e9 / (nanosAtEnd - nanosAtStart);
    }
}
