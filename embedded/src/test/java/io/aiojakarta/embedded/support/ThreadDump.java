package io.aiojakarta.embedded.support;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of every live thread of this JVM, virtual threads (greenlets) included, from the JDK's
 * JSON thread dump: {@code Thread.getAllStackTraces()} sees platform threads only.
 */
public final class ThreadDump {

    private static final Pattern NAME = Pattern.compile("\"name\": \"([^\"]*)\"");

    private ThreadDump() {
    }

    public static Set<String> names() {
        try {
            Path directory = Files.createTempDirectory("threads");
            Path dump = directory.resolve("dump.json");
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
                Set<String> names = new LinkedHashSet<>();
                Matcher matcher = NAME.matcher(Files.readString(dump));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
                return names;
            } finally {
                Files.deleteIfExists(dump);
                Files.deleteIfExists(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The live threads, greenlets included, whose name starts with one of the prefixes. */
    public static Set<String> named(String... prefixes) {
        Set<String> matching = new LinkedHashSet<>();
        for (String name : names()) {
            for (String prefix : prefixes) {
                if (name.startsWith(prefix)) {
                    matching.add(name);
                }
            }
        }
        return matching;
    }
}
