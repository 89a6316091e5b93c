package io.aiojakarta.bench;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A CPU profile of the benchmark server in async-profiler's collapsed form (one line per stack:
 * frames from the thread's root to the leaf, separated by {@code ;}, then the sample count).
 * Each sample is charged to the component whose code is innermost on its stack, so that a
 * {@code HashMap} lookup made by RESTEasy counts as RESTEasy's and a socket write made by XNIO,
 * kernel time included, as XNIO's. Samples with no library frame at all (garbage collection, the
 * JIT, a carrier or pool thread parking) are the JVM's.
 *
 * <p>An allocation profile ({@code event=alloc}, dumped with {@code total}) reads the same way, its
 * counts being bytes: each allocation is charged to the component whose code made it, and its leaf
 * frame is the class allocated.
 *
 * @param samples every sample of the profile (bytes, for an allocation profile)
 * @param byComponent samples per component, in {@link #COMPONENTS} order
 * @param selfByFrame samples per leaf frame
 * @param leavesByComponent per component, samples per leaf frame charged to it
 */
public record CpuProfile(long samples, Map<String, Long> byComponent, Map<String, Long> selfByFrame,
        Map<String, Map<String, Long>> leavesByComponent) {

    /** Package prefixes of the components, innermost match wins; then "JVM and kernel". */
    static final List<String[]> COMPONENTS = List.of(
            new String[] {"io/aiojakarta/bench/", "benchmark resources"},
            new String[] {"io/aiojakarta/", "Aiojakarta"},
            new String[] {"org/jboss/resteasy/", "RESTEasy"},
            new String[] {"org/jboss/weld/", "Weld"},
            new String[] {"io/undertow/", "Undertow"},
            new String[] {"org/xnio/", "XNIO"});

    /** Where samples without any component frame go. */
    static final String JVM = "JVM and kernel (GC, JIT, thread scheduling)";

    /**
     * Reads a collapsed profile.
     *
     * @param collapsed the lines async-profiler wrote with {@code collapsed}
     * @return the profile
     * @throws IllegalArgumentException when a line does not end with a sample count
     */
    public static CpuProfile parse(List<String> collapsed) {
        Map<String, Long> byComponent = new LinkedHashMap<>();
        COMPONENTS.forEach(component -> byComponent.put(component[1], 0L));
        byComponent.put(JVM, 0L);
        Map<String, Long> selfByFrame = new TreeMap<>();
        Map<String, Map<String, Long>> leavesByComponent = new LinkedHashMap<>();
        long samples = 0;
        for (String line : collapsed) {
            if (line.isBlank()) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            long count;
            try {
                count = Long.parseLong(line.substring(space + 1).strip());
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                throw new IllegalArgumentException("not a collapsed stack line (no sample count): " + line, e);
            }
            String[] frames = line.substring(0, Math.max(space, 0)).split(";");
            samples += count;
            String component = componentOf(frames);
            byComponent.merge(component, count, Long::sum);
            selfByFrame.merge(frames[frames.length - 1], count, Long::sum);
            leavesByComponent.computeIfAbsent(component, ignored -> new TreeMap<>())
                    .merge(frames[frames.length - 1], count, Long::sum);
        }
        return new CpuProfile(samples, byComponent, selfByFrame, leavesByComponent);
    }

    private static String componentOf(String[] frames) {
        for (int i = frames.length - 1; i >= 0; i--) {
            if (frames[i].contains("$Proxy$_$$_Weld")) {
                return "Weld"; // a proxy Weld generated for a benchmark bean
            }
            for (String[] component : COMPONENTS) {
                if (frames[i].startsWith(component[0])) {
                    return component[1];
                }
            }
        }
        return JVM;
    }

    /**
     * The leaf frames with the most samples.
     *
     * @param limit how many
     * @return frame and samples, most first
     */
    public List<Map.Entry<String, Long>> hottest(int limit) {
        return selfByFrame.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(limit)
                .toList();
    }

    /**
     * The leaf frames with the most samples among those charged to one component: for an
     * allocation profile, the classes that component allocates most.
     *
     * @param component a component name
     * @param limit how many
     * @return leaf frame and samples, most first
     */
    public List<Map.Entry<String, Long>> hottestOf(String component, int limit) {
        return leavesByComponent.getOrDefault(component, Map.of()).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(limit)
                .toList();
    }
}
