package io.aiojakarta.internal.config;

import java.util.stream.Collectors;

/**
 * The configuration reference, rendered from the key declarations ({@link ConfigKeys}): the table
 * of {@code docs/configuration.md} and the shorter one of {@code README.md}. A test keeps both
 * documents in step with the declarations. Stateless.
 */
final class ConfigReference {

    /** The first line of the reference table of {@code docs/configuration.md}. */
    static final String DOCS_HEADER = "| key | default | valid values | effect |";
    /** The first line of the table of {@code README.md}. */
    static final String README_HEADER = "| key | default | valid values |";

    private ConfigReference() {
    }

    /**
     * The full table: key, default, valid values and effect of every key.
     *
     * @return Markdown table lines, the header first
     */
    static String docsTable() {
        return DOCS_HEADER + "\n|---|---|---|---|\n" + ConfigKeys.ALL.stream()
                .map(key -> "| `" + key.name() + "` | " + key.shownDefault() + " | " + key.validValues() + " | "
                        + key.effect() + " |")
                .collect(Collectors.joining("\n"));
    }

    /**
     * The short table: key, default and valid values of every key.
     *
     * @return Markdown table lines, the header first
     */
    static String readmeTable() {
        return README_HEADER + "\n|---|---|---|\n" + ConfigKeys.ALL.stream()
                .map(key -> "| `" + key.name() + "` | " + key.shownDefault() + " | " + key.validValues() + " |")
                .collect(Collectors.joining("\n"));
    }
}
