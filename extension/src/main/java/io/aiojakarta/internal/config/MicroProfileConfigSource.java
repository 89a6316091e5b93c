package io.aiojakarta.internal.config;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

/**
 * Reads configuration through MicroProfile Config when it is on the application's class path,
 * without a compile-time dependency on it. Thread-safe.
 */
final class MicroProfileConfigSource implements ConfigSource {

    private static final String CONFIG_PROVIDER = "org.eclipse.microprofile.config.ConfigProvider";
    private static final String CONFIG = "org.eclipse.microprofile.config.Config";

    private final Object config;
    private final MethodHandle getOptionalValue;

    private MicroProfileConfigSource(Object config, MethodHandle getOptionalValue) {
        this.config = config;
        this.getOptionalValue = getOptionalValue;
    }

    /**
     * Finds MicroProfile Config through the thread context class loader.
     *
     * @return the source, or empty when MicroProfile Config is absent or has no implementation
     */
    static Optional<ConfigSource> find() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Class<?> provider = Class.forName(CONFIG_PROVIDER, true, loader);
            Class<?> configType = Class.forName(CONFIG, true, loader);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Object config = lookup.findStatic(provider, "getConfig", MethodType.methodType(configType)).invoke();
            MethodHandle getter = lookup.findVirtual(configType, "getOptionalValue",
                    MethodType.methodType(Optional.class, String.class, Class.class));
            return Optional.of(new MicroProfileConfigSource(config, getter));
        } catch (ClassNotFoundException | LinkageError absent) {
            return Optional.empty();
        } catch (Throwable noImplementation) {
            // The API is present without an implementation (ConfigProvider throws).
            return Optional.empty();
        }
    }

    @Override
    public Optional<RawValue> lookup(String key) {
        try {
            Optional<?> value = (Optional<?>) getOptionalValue.invoke(config, key, String.class);
            return value.map(v -> new RawValue(v.toString(), "MicroProfile Config"));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("MicroProfile Config failed to read '" + key + "'", t);
        }
    }
}
