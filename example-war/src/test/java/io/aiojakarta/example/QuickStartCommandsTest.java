package io.aiojakarta.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's two quick-start commands are the ones CI and the scripts really run. */
class QuickStartCommandsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static List<String> quickStartCommands() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("## Quick start");
        int end = readme.indexOf("\n## ", start + 1);
        assertTrue(start >= 0 && end > start, "README.md has a Quick start section");
        Matcher block = Pattern.compile("```sh\\n(.*?)\\n```", Pattern.DOTALL).matcher(readme.substring(start, end));
        List<String> commands = new ArrayList<>();
        while (block.find()) {
            commands.add(block.group(1).strip());
        }
        return commands;
    }

    @Test
    void quickStartHasExactlyTwoCommandsThatExist() throws IOException {
        List<String> commands = quickStartCommands();
        assertEquals(List.of("./run-example", "./with-jdk ./mvnw -B install"), commands);
        for (String script : List.of("run-example", "with-jdk", "mvnw")) {
            assertTrue(Files.isExecutable(ROOT.resolve(script)), script + " is executable");
        }
    }

    @Test
    void ciRunsExactlyTheReadmeTestCommand() throws IOException {
        String testCommand = quickStartCommands().get(1);
        List<String> commandLines = Files.readAllLines(ROOT.resolve(".ci/run")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("set ") && !line.startsWith("cd "))
                .toList();
        assertEquals(List.of("exec " + testCommand), commandLines);
    }

    @Test
    void runExampleServesTheStarterApplication() throws IOException {
        String script = Files.readString(ROOT.resolve("run-example"));
        assertTrue(script.contains("io.aiojakarta.embedded.Main"), "run-example starts the embedded launcher");
        assertTrue(script.contains(StarterApplication.class.getName()), "run-example serves " + StarterApplication.class.getName());
        assertTrue(script.contains("./with-jdk"), "run-example finds its JDK like the test command");
    }
}
