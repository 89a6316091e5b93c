package io.aiojakarta.internal.config;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where configuration values come from. Thread-safe.
 */
@FunctionalInterface
public interface ConfigSource {

    /**
     * Looks a key up.
     *
     * @param key the dotted key, for example {@code aiojakarta.executor.max-threads}
     * @return the raw value with where it came from, or empty when the key is not set
     */
    Optional<RawValue> lookup(String key);

    /**
     * A raw configuration value and its origin.
     *
     * @param value the text as given
     * @param origin where it was found, for messages ({@code system property}, {@code environment
     *     variable AIOJAKARTA_X})
     */
    record RawValue(String value, String origin) {
    }

    /**
     * The default source: MicroProfile Config when the application has it (it covers system
     * properties and environment variables itself), else system properties, then environment
     * variables ({@code aiojakarta.executor.max-threads} as {@code AIOJAKARTA_EXECUTOR_MAX_THREADS}).
     *
     * @return the source; looks values up on every call
     */
    static ConfigSource standard() {
        Optional<ConfigSource> microProfile = MicroProfileConfigSource.find();
        return microProfile.orElseGet(() -> of(System.getProperties(), System.getenv()));
    }

    /**
     * A source over given system properties and environment, for tests and embedding.
     *
     * @param properties looked up first
     * @param environment looked up second, by the key's environment-variable form
     * @return the source
     */
    static ConfigSource of(Properties properties, Map<String, String> environment) {
        return key -> {
            String property = properties.getProperty(key);
            if (property != null) {
                return Optional.of(new RawValue(property, "system property"));
            }
            String variable = environmentName(key);
            String env = environment.get(variable);
            return env == null ? Optional.empty() : Optional.of(new RawValue(env, "environment variable " + variable));
        };
    }

    /**
     * The environment-variable form of a key: upper case, every non-alphanumeric character as
     * {@code _}, as MicroProfile Config does.
     *
     * @param key the dotted key
     * @return for example {@code AIOJAKARTA_EXECUTOR_MAX_THREADS}
     */
    static String environmentName(String key) {
        StringBuilder name = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            name.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return name.toString();
    }
}
