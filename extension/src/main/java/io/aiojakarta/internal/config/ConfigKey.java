package io.aiojakarta.internal.config;

import io.aiojakarta.Mapper;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One configuration key, declared once: its name, its type, its default, the rule a value must
 * follow and a one-line description of what it does. Validation ({@link AiojakartaConfig#read}),
 * the defaults ({@link AiojakartaConfig#DEFAULTS}) and the configuration reference
 * ({@link ConfigReference}: the tables of {@code docs/configuration.md} and {@code README.md}) are
 * derived from these declarations, listed in {@link ConfigKeys}. Immutable and thread-safe.
 *
 * @param <T> the type of the key's value
 */
public sealed interface ConfigKey<T> permits ConfigKey.WholeNumber, ConfigKey.Switch, ConfigKey.MapperName {

    /**
     * The dotted key, for example {@code aiojakarta.executor.max-threads}.
     *
     * @return the name
     */
    String name();

    /**
     * The value when the key is not set.
     *
     * @return the default
     */
    T defaultValue();

    /**
     * What the key does, one line of Markdown for the configuration reference.
     *
     * @return the description
     */
    String effect();

    /**
     * The rule a value breaks, as error messages end: {@code must be a whole number from 1 to 256}.
     *
     * @return the rule
     */
    String rule();

    /**
     * The valid values, as the configuration reference shows them.
     *
     * @return for example {@code 1 to 256}
     */
    String validValues();

    /**
     * The default, as the configuration reference shows it.
     *
     * @return for example {@code `1`}
     */
    String shownDefault();

    /**
     * Reads a value given as text.
     *
     * @param text the trimmed text
     * @return the value, or empty when the text breaks the {@link #rule()}
     */
    Optional<T> parse(String text);

    /**
     * A whole number within bounds.
     *
     * @param name the key
     * @param defaultValue the default, within the bounds
     * @param min the smallest valid value
     * @param max the largest valid value; {@link Long#MAX_VALUE} for no bound
     * @param effect what the key does
     */
    record WholeNumber(String name, Long defaultValue, long min, long max, String effect) implements ConfigKey<Long> {

        /**
         * Checks the declaration itself.
         *
         * @throws IllegalArgumentException when the default is out of the bounds
         */
        public WholeNumber {
            if (defaultValue < min || defaultValue > max) {
                throw new IllegalArgumentException(name + ": default " + defaultValue + " is outside " + min + ".." + max);
            }
        }

        @Override
        public String rule() {
            return max == Long.MAX_VALUE ? "must be a whole number >= " + min
                    : "must be a whole number from " + min + " to " + max;
        }

        @Override
        public String validValues() {
            return max == Long.MAX_VALUE ? "≥ " + min : min + " to " + max;
        }

        @Override
        public String shownDefault() {
            return "`" + defaultValue + "`";
        }

        @Override
        public Optional<Long> parse(String text) {
            try {
                long value = Long.parseLong(text);
                return value >= min && value <= max ? Optional.of(value) : Optional.empty();
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }
    }

    /**
     * {@code true} or {@code false}, in any case.
     *
     * @param name the key
     * @param defaultValue the default
     * @param effect what the key does
     */
    record Switch(String name, Boolean defaultValue, String effect) implements ConfigKey<Boolean> {

        @Override
        public String rule() {
            return "must be true or false";
        }

        @Override
        public String validValues() {
            return "`true`, `false`";
        }

        @Override
        public String shownDefault() {
            return "`" + defaultValue + "`";
        }

        @Override
        public Optional<Boolean> parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true" -> Optional.of(true);
                case "false" -> Optional.of(false);
                default -> Optional.empty();
            };
        }
    }

    /**
     * A {@link Mapper} name, matched case-insensitively with {@code -} read as {@code _}; unset by
     * default, and an empty value counts as unset.
     *
     * @param name the key
     * @param effect what the key does
     */
    record MapperName(String name, String effect) implements ConfigKey<Optional<Mapper>> {

        @Override
        public Optional<Mapper> defaultValue() {
            return Optional.empty();
        }

        @Override
        public String rule() {
            return "must be one of " + names(", ", "");
        }

        @Override
        public String validValues() {
            return names(", ", "`");
        }

        @Override
        public String shownDefault() {
            return "unset";
        }

        @Override
        public Optional<Optional<Mapper>> parse(String text) {
            if (text.isEmpty()) {
                return Optional.of(Optional.empty());
            }
            String wanted = text.toUpperCase(Locale.ROOT).replace('-', '_');
            return Stream.of(Mapper.values()).filter(mapper -> mapper.name().equals(wanted)).findFirst().map(Optional::of);
        }

        private static String names(String separator, String quote) {
            return Stream.of(Mapper.values()).map(mapper -> quote + mapper.name() + quote)
                    .collect(Collectors.joining(separator));
        }
    }
}
