package io.aiojakarta.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiojakarta.internal.message.ConfigMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The key declarations are the one source of the configuration reference and of validation. */
class ConfigReferenceTest {

    /** The repository root, from the module directory the tests run in. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void docsConfigurationTableIsTheDeclarations() throws IOException {
        assertTableIs(ROOT.resolve("docs/configuration.md"), ConfigReference.DOCS_HEADER, ConfigReference.docsTable());
    }

    @Test
    void readmeTableIsTheDeclarations() throws IOException {
        assertTableIs(ROOT.resolve("README.md"), ConfigReference.README_HEADER, ConfigReference.readmeTable());
    }

    @Test
    void everyDeclaredKeyIsReadAndValidatedByItsRule() {
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            AiojakartaConfig.Result result = AiojakartaConfig.read(
                    name -> name.equals(key.name()) ? Optional.of(new ConfigSource.RawValue("#bad", "test")) : Optional.empty());
            assertEquals(List.of(ConfigMessages.MESSAGES.invalidConfig(key.name(), "#bad", "test", key.rule()).getMessage()),
                    result.problems().stream().map(Throwable::getMessage).toList(), key.name() + " is declared but not read, or read with another rule");
            assertEquals(AiojakartaConfig.DEFAULTS, result.config(), key.name() + ": an invalid value leaves the default");
        }
    }

    @Test
    void everyKeyIsDeclaredOnceAndEveryDefaultIsValid() {
        Set<String> names = new HashSet<>();
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            assertTrue(names.add(key.name()), key.name() + " is declared twice");
            assertTrue(key.name().startsWith("aiojakarta."), key.name());
            assertFalse(key.effect().isBlank(), key.name() + " has no description");
        }
        assertEquals(AiojakartaConfig.class.getRecordComponents().length, ConfigKeys.ALL.size(),
                "one declared key per configuration value");
    }

    @Test
    void aDefaultOutsideItsBoundsIsRefusedByName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new ConfigKey.WholeNumber("aiojakarta.example", 0L, 1, 10, "an example"));
        assertTrue(refused.getMessage().contains("aiojakarta.example"), refused.getMessage());
    }

    private static void assertTableIs(Path document, String header, String expected) throws IOException {
        List<String> lines = Files.readAllLines(document);
        int start = lines.indexOf(header);
        assertTrue(start >= 0, document + " has no table starting with " + header);
        String actual = lines.stream().skip(start).takeWhile(line -> line.startsWith("|"))
                .collect(Collectors.joining("\n"));
        assertEquals(expected, actual, document + " is out of step with ConfigKeys; its table should read:\n" + expected);
    }
}
