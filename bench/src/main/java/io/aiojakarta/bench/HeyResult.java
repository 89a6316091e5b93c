package io.aiojakarta.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code hey} run at a fixed request rate measured.
 *
 * @param requestsPerSecond the rate of 200 responses achieved (hey's own rate counts failures too)
 * @param p50Millis the median latency
 * @param p99Millis the 99th-percentile latency
 * @param ok responses with status 200
 * @param failed other responses and client-side errors (timeouts, refused connections)
 */
public record HeyResult(double requestsPerSecond, double p50Millis, double p99Millis, long ok, long failed) {

    private static final Pattern TOTAL = Pattern.compile("Total:\\s+([0-9.]+) secs");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%+ in ([0-9.]+) secs", Pattern.MULTILINE);
    private static final Pattern STATUS = Pattern.compile("^\\s+\\[(\\d{3})\\]\\s+(\\d+) responses", Pattern.MULTILINE);
    private static final Pattern ERROR = Pattern.compile("^\\s+\\[(\\d+)\\]\\s+\\D", Pattern.MULTILINE);

    /**
     * Reads hey's text output.
     *
     * @param output what {@code hey} printed
     * @return the figures
     * @throws IllegalArgumentException when the output has no Total line
     */
    public static HeyResult parse(String output) {
        Matcher total = TOTAL.matcher(output);
        if (!total.find()) {
            throw new IllegalArgumentException("not hey output: no Total line");
        }
        LatencyPercentiles latency = LatencyPercentiles.find(PERCENTILE, output, line -> Double.parseDouble(line.group(2)) * 1000);
        long ok = 0;
        long failed = 0;
        Matcher status = STATUS.matcher(output);
        while (status.find()) {
            long count = Long.parseLong(status.group(2));
            if (status.group(1).equals("200")) {
                ok += count;
            } else {
                failed += count;
            }
        }
        int errors = output.indexOf("Error distribution:");
        if (errors >= 0) {
            Matcher error = ERROR.matcher(output.substring(errors));
            while (error.find()) {
                failed += Long.parseLong(error.group(1));
            }
        }
        return new HeyResult(ok / Double.parseDouble(total.group(1)), latency.p50Millis(), latency.p99Millis(), ok, failed);
    }
}
