package io.aiojakarta.internal.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message id lives in exactly one place, a message interface of this package: no code writes
 * an id, no two messages share one, and every id that documentation or code refers to exists. Reads
 * the sources, because the processor's annotations are gone from the compiled classes.
 */
class MessageIdsTest {

    /** The repository root, from the module directory the tests run in. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final Path BUNDLES = ROOT.resolve("extension/src/main/java/io/aiojakarta/internal/message");

    /** The modules whose main code ships. */
    private static final List<String> MODULES = List.of("extension", "interceptors", "embedded", "example-war");

    /**
     * Strings that name ids without being messages: the configuration keys' one-line documentation,
     * rendered into the configuration reference, points at the message a key's bound produces.
     */
    private static final Set<String> DOCUMENTING_STRINGS = Set.of("ConfigKeys.java");

    private static final Pattern ID = Pattern.compile("AIOJ-\\d{4}");
    private static final Pattern DECLARED = Pattern.compile("@Message\\(id = (\\d+),");
    private static final Pattern RANGE = Pattern.compile("@ValidIdRange\\(min = (\\d+), max = (\\d+)\\)");

    @Test
    void everyIdIsDeclaredByOneMessageWithinItsInterfacesRange() throws IOException {
        Map<String, String> owners = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Path bundle : bundles()) {
            String source = Files.readString(bundle);
            Matcher range = RANGE.matcher(source);
            assertTrue(range.find(), bundle.getFileName() + " declares no @ValidIdRange");
            int min = Integer.parseInt(range.group(1));
            int max = Integer.parseInt(range.group(2));
            Matcher declared = DECLARED.matcher(source);
            while (declared.find()) {
                int number = Integer.parseInt(declared.group(1));
                String id = id(number);
                String previous = owners.putIfAbsent(id, bundle.getFileName().toString());
                if (previous != null) {
                    problems.add(id + " is declared by " + previous + " and again by " + bundle.getFileName());
                }
                if (number < min || number > max) {
                    problems.add(id + " is outside the range " + min + "-" + max + " of " + bundle.getFileName());
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(owners.size() >= 50, "the message interfaces were read: " + owners.keySet());
    }

    @Test
    void noCodeOutsideTheMessageInterfacesWritesAnId() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path source : mainSources()) {
            if (source.startsWith(BUNDLES) || DOCUMENTING_STRINGS.contains(source.getFileName().toString())) {
                continue;
            }
            for (Literal literal : JavaText.of(Files.readString(source)).strings()) {
                if (ID.matcher(literal.text()).find()) {
                    offenders.add(ROOT.relativize(source) + ":" + literal.line() + ": \"" + literal.text() + "\"");
                }
            }
        }
        assertTrue(offenders.isEmpty(), "message ids belong in io.aiojakarta.internal.message; written elsewhere:\n"
                + String.join("\n", offenders));
    }

    @Test
    void everyIdReferredToExists() throws IOException {
        Set<String> declared = declaredIds();
        List<String> dangling = new ArrayList<>();
        for (Path source : mainSources()) {
            JavaText text = JavaText.of(Files.readString(source));
            Stream.concat(text.comments().stream(), text.strings().stream()).forEach(part -> {
                Matcher id = ID.matcher(part.text());
                while (id.find()) {
                    if (!declared.contains(id.group())) {
                        dangling.add(ROOT.relativize(source) + ":" + part.line() + " refers to " + id.group());
                    }
                }
            });
        }
        for (Path document : documents()) {
            List<String> lines = Files.readAllLines(document);
            for (int i = 0; i < lines.size(); i++) {
                Matcher id = ID.matcher(lines.get(i));
                while (id.find()) {
                    if (!declared.contains(id.group())) {
                        dangling.add(ROOT.relativize(document) + ":" + (i + 1) + " refers to " + id.group());
                    }
                }
            }
        }
        assertTrue(dangling.isEmpty(), "no message has these ids:\n" + String.join("\n", dangling));
    }

    @Test
    void theMessageTableListsEveryIdOnce() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("docs/internals.md"));
        int start = lines.indexOf("## Message ids");
        assertTrue(start >= 0, "docs/internals.md has a '## Message ids' section");
        List<String> listed = lines.stream().skip(start + 1).dropWhile(line -> !line.startsWith("|"))
                .takeWhile(line -> line.startsWith("|"))
                .map(line -> line.split("\\|")[1].strip())
                .filter(cell -> ID.matcher(cell).matches())
                .toList();
        assertEquals(listed.size(), Set.copyOf(listed).size(), "an id is listed twice: " + listed);
        assertEquals(declaredIds(), new TreeSet<>(listed), "docs/internals.md's message table is out of step with "
                + "the message interfaces");
    }

    @Test
    void theReaderSeparatesStringsFromComments() {
        JavaText text = JavaText.of("""
                /** see AIOJ-0101 */
                class A { String a = "AIOJ-0102 \\" // not a comment"; // AIOJ-0103
                  char c = '"'; String b = \"""
                    AIOJ-0104
                    \"""; }
                """);
        assertEquals(List.of("AIOJ-0102 \\\" // not a comment", "\n    AIOJ-0104\n    "),
                text.strings().stream().map(Literal::text).toList());
        assertEquals(List.of(2, 3), text.strings().stream().map(Literal::line).toList());
        assertEquals(List.of("/** see AIOJ-0101 */", "// AIOJ-0103"), text.comments().stream().map(Literal::text).toList());
        assertFalse(text.comments().stream().anyMatch(comment -> comment.text().contains("0102")));
    }

    private static String id(int number) {
        return String.format("AIOJ-%04d", number);
    }

    private static Set<String> declaredIds() throws IOException {
        Set<String> ids = new TreeSet<>();
        for (Path bundle : bundles()) {
            Matcher declared = DECLARED.matcher(Files.readString(bundle));
            while (declared.find()) {
                ids.add(id(Integer.parseInt(declared.group(1))));
            }
        }
        return ids;
    }

    private static List<Path> bundles() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            List<Path> bundles = files.filter(file -> {
                try {
                    String source = Files.readString(file);
                    return source.contains("@MessageBundle(") || source.contains("@MessageLogger(");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sorted().toList();
            assertFalse(bundles.isEmpty(), "no message interfaces in " + BUNDLES);
            return bundles;
        }
    }

    private static List<Path> mainSources() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (String module : MODULES) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                files.filter(file -> file.toString().endsWith(".java")).sorted().forEach(sources::add);
            }
        }
        return sources;
    }

    private static List<Path> documents() throws IOException {
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            return Stream.concat(Stream.of(ROOT.resolve("README.md")),
                    docs.filter(file -> file.toString().endsWith(".md"))
                            .filter(file -> !file.startsWith(ROOT.resolve("docs/bench"))))
                    .sorted().collect(Collectors.toList());
        }
    }

    /** A string literal's content or a comment, with the line it starts on. */
    record Literal(String text, int line) {
    }

    /** Java source split into its string literals (text blocks included) and its comments. */
    record JavaText(List<Literal> strings, List<Literal> comments) {

        static JavaText of(String source) {
            List<Literal> strings = new ArrayList<>();
            List<Literal> comments = new ArrayList<>();
            int line = 1;
            int i = 0;
            while (i < source.length()) {
                char c = source.charAt(i);
                if (source.startsWith("//", i)) {
                    int end = source.indexOf('\n', i);
                    end = end < 0 ? source.length() : end;
                    comments.add(new Literal(source.substring(i, end), line));
                    i = end;
                } else if (source.startsWith("/*", i)) {
                    int end = source.indexOf("*/", i + 2) + 2;
                    String comment = source.substring(i, end);
                    comments.add(new Literal(comment, line));
                    line += lines(comment);
                    i = end;
                } else if (source.startsWith("\"\"\"", i)) {
                    int end = i + 3;
                    while (!source.startsWith("\"\"\"", end) || source.charAt(end - 1) == '\\') {
                        end++;
                    }
                    String block = source.substring(i + 3, end);
                    strings.add(new Literal(block, line));
                    line += lines(block);
                    i = end + 3;
                } else if (c == '"' || c == '\'') {
                    int end = i + 1;
                    while (source.charAt(end) != c) {
                        end += source.charAt(end) == '\\' ? 2 : 1;
                    }
                    if (c == '"') {
                        strings.add(new Literal(source.substring(i + 1, end), line));
                    }
                    i = end + 1;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    i++;
                }
            }
            return new JavaText(strings, comments);
        }

        private static int lines(String text) {
            return (int) text.chars().filter(ch -> ch == '\n').count();
        }
    }
}
