package io.aiojakarta.internal.servlet;

/**
 * Tells a request's work that its client has gone away, so that nothing keeps running for nobody.
 * Only on Undertow (embedded and WildFly) over HTTP/1.1; elsewhere {@link #watch} does nothing.
 * Thread-safe.
 */
public final class DisconnectWatch {

    private static final boolean UNDERTOW = present("io.undertow.servlet.handlers.ServletRequestContext");

    private DisconnectWatch() {
    }

    private static boolean present(String name) {
        try {
            Class.forName(name, false, DisconnectWatch.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    /**
     * On the thread serving a request whose body has been read: runs {@code onDisconnect} once, on
     * an I/O thread, if the client closes the connection before the response is complete.
     *
     * @param onDisconnect what to do when the client has gone; must not block
     * @return {@code true} when the connection is being watched
     */
    public static boolean watch(Runnable onDisconnect) {
        return UNDERTOW && UndertowDisconnectWatch.watch(onDisconnect);
    }
}
