package io.aiojakarta.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A heap class histogram ({@code jcmd GC.class_histogram}): instances and bytes per class. Two of
 * them, before and during a load, tell what the load's requests hold; two such differences tell
 * what one variant holds per request over another. Immutable.
 *
 * @param classes instances and bytes by class name
 */
record ClassHistogram(Map<String, Held> classes) {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    /**
     * What a heap holds of one class.
     *
     * @param instances the instances
     * @param bytes their shallow size
     */
    record Held(double instances, double bytes) {

        Held minus(Held other) {
            return new Held(instances - other.instances, bytes - other.bytes);
        }

        Held per(double count) {
            return new Held(instances / count, bytes / count);
        }
    }

    /**
     * One class's difference per request between a variant and the baseline.
     *
     * @param className the class
     * @param bytes bytes per request more than the baseline (negative: fewer)
     * @param instances instances per request more than the baseline
     */
    record Difference(String className, double bytes, double instances) {
    }

    static ClassHistogram read(Path file) throws IOException {
        Map<String, Held> classes = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                classes.merge(row.group(3), new Held(Long.parseLong(row.group(1)), Long.parseLong(row.group(2))),
                        (a, b) -> new Held(a.instances + b.instances, a.bytes + b.bytes));
            }
        }
        return new ClassHistogram(Map.copyOf(classes));
    }

    /** What this histogram holds more than the earlier one, per request of the given count. */
    ClassHistogram since(ClassHistogram before, double requests) {
        Map<String, Held> added = new HashMap<>();
        classes.forEach((name, held) -> added.put(name, held.minus(before.held(name)).per(requests)));
        before.classes.keySet().stream().filter(name -> !classes.containsKey(name))
                .forEach(name -> added.put(name, new Held(0, 0).minus(before.held(name)).per(requests)));
        return new ClassHistogram(Map.copyOf(added));
    }

    private Held held(String name) {
        return classes.getOrDefault(name, new Held(0, 0));
    }

    /**
     * The classes whose bytes differ most from the baseline's, largest excess first.
     *
     * @param baseline the baseline's histogram, per request
     * @param limit how many classes
     * @return the differences
     */
    List<Difference> largestOver(ClassHistogram baseline, int limit) {
        Set<String> names = new HashSet<>(classes.keySet());
        names.addAll(baseline.classes.keySet());
        return names.stream()
                .map(name -> new Difference(name, held(name).bytes - baseline.held(name).bytes,
                        held(name).instances - baseline.held(name).instances))
                .sorted(Comparator.comparingDouble(Difference::bytes).reversed())
                .limit(limit)
                .toList();
    }

    /** Total bytes, per request for a histogram made by {@link #since}. */
    double totalBytes() {
        return classes.values().stream().mapToDouble(Held::bytes).sum();
    }
}
