package io.aiojakarta.bench;

import java.util.function.ToDoubleFunction;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The median and 99th-percentile latency a load generator printed, in milliseconds; NaN where the
 * output has no such line.
 *
 * @param p50Millis the median latency
 * @param p99Millis the 99th-percentile latency
 */
record LatencyPercentiles(double p50Millis, double p99Millis) {

    /**
     * Finds the 50 % and 99 % lines.
     *
     * @param line matches one percentile line; its group 1 is {@code 50} or {@code 99}
     * @param output the load generator's text output
     * @param millis the latency of a matched line, in milliseconds
     * @return the two percentiles
     */
    static LatencyPercentiles find(Pattern line, String output, ToDoubleFunction<MatchResult> millis) {
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher percentile = line.matcher(output);
        while (percentile.find()) {
            if (percentile.group(1).equals("50")) {
                p50 = millis.applyAsDouble(percentile);
            } else {
                p99 = millis.applyAsDouble(percentile);
            }
        }
        return new LatencyPercentiles(p50, p99);
    }
}
