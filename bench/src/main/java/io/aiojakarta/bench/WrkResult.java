package io.aiojakarta.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code wrk --latency} run measured.
 *
 * @param requestsPerSecond the throughput
 * @param p50Millis the median latency
 * @param p99Millis the 99th-percentile latency
 * @param errors socket errors (connect, read, write, timeout) and non-2xx responses
 */
public record WrkResult(double requestsPerSecond, double p50Millis, double p99Millis, long errors) {

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    /**
     * Reads wrk's text output.
     *
     * @param output what {@code wrk --latency} printed
     * @return the figures
     * @throws IllegalArgumentException when the output has no throughput line
     */
    public static WrkResult parse(String output) {
        Matcher rps = RPS.matcher(output);
        if (!rps.find()) {
            throw new IllegalArgumentException("not wrk --latency output: no Requests/sec line");
        }
        LatencyPercentiles latency = LatencyPercentiles.find(PERCENTILE, output, line -> {
            double value = Double.parseDouble(line.group(2));
            return switch (line.group(3)) {
                case "us" -> value / 1000;
                case "s" -> value * 1000;
                default -> value;
            };
        });
        long errors = 0;
        Matcher socket = SOCKET.matcher(output);
        if (socket.find()) {
            for (int i = 1; i <= 4; i++) {
                errors += Long.parseLong(socket.group(i));
            }
        }
        Matcher non2xx = NON_2XX.matcher(output);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        return new WrkResult(Double.parseDouble(rps.group(1)), latency.p50Millis(), latency.p99Millis(), errors);
    }
}
