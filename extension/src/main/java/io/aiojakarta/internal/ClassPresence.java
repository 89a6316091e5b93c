package io.aiojakarta.internal;

/**
 * Tells whether optional classes (Undertow's, RESTEasy's, Weld's) are visible to Aiojakarta, so
 * that the code using them loads only where they are. Stateless and thread-safe.
 */
public final class ClassPresence {

    private ClassPresence() {
    }

    /**
     * Tells whether every named class can be loaded by the loader of Aiojakarta's own classes.
     *
     * @param names fully qualified class names
     * @return {@code true} when all are visible
     */
    public static boolean visible(String... names) {
        ClassLoader loader = ClassPresence.class.getClassLoader();
        for (String name : names) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError absent) {
                return false;
            }
        }
        return true;
    }
}
