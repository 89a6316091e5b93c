package io.aiojakarta.embedded;

import jakarta.ws.rs.core.Application;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Serves a Jakarta REST application from the command line:
 *
 * <pre>
 * java -cp ... io.aiojakarta.embedded.Main [--host HOST] [--port PORT] APPLICATION_CLASS
 * </pre>
 *
 * <p>Defaults to {@code 127.0.0.1:8080}; {@code --port 0} picks a free port. Prints one line with the
 * URL when the application is ready, and stops (draining in-flight requests) on SIGINT/SIGTERM.
 * A usage mistake (unknown option, missing or unknown application class) or a port in use prints
 * one line on standard error and exits with status 2; a deployment failure exits with status 1.
 */
public final class Main {

    /** Exit status for usage mistakes and an unavailable port. */
    public static final int USAGE = 2;
    /** Exit status when the application fails to deploy. */
    public static final int DEPLOYMENT_FAILED = 1;

    private static final String USAGE_LINE =
            "usage: aiojakarta-embedded [--host HOST] [--port PORT] APPLICATION_CLASS";

    private Main() {
    }

    /**
     * Runs the server until the process is stopped.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        LauncherLogging.configure();
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Parses the command line, starts the server and blocks until the process is stopped.
     *
     * @param args the command line
     * @param out where the ready line goes
     * @param err where errors go
     * @return the exit status when the server could not start; never returns once it runs
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        AioServer.Builder builder = AioServer.builder();
        String applicationName = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--host" -> builder.host(value(args, ++i, arg));
                    case "--port" -> builder.port(port(value(args, ++i, arg)));
                    case "-h", "--help" -> {
                        out.println(USAGE_LINE);
                        return 0;
                    }
                    default -> {
                        if (arg.startsWith("-")) {
                            throw new UsageException("unknown option '" + arg + "'");
                        }
                        if (applicationName != null) {
                            throw new UsageException("more than one application class: '" + applicationName + "' and '" + arg + "'");
                        }
                        applicationName = arg;
                    }
                }
            }
            if (applicationName == null) {
                throw new UsageException("no application class given");
            }
            builder.application(applicationClass(applicationName));
        } catch (UsageException e) {
            err.println("aiojakarta: " + e.getMessage() + " (" + USAGE_LINE + ")");
            return USAGE;
        }

        AioServer server;
        try {
            server = builder.start();
        } catch (PortUnavailableException e) {
            err.println("aiojakarta: " + e.getMessage());
            return USAGE;
        } catch (IllegalStateException e) {
            err.println("aiojakarta: " + e.getMessage());
            return DEPLOYMENT_FAILED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "aio-shutdown"));
        out.println("Aiojakarta serving " + applicationName + " at " + server.uri());
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException("option '" + option + "' needs a value");
        }
        return args[index];
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new UsageException("port must be a number from 0 to 65535, got '" + text + "'");
    }

    private static Class<? extends Application> applicationClass(String name) {
        Class<?> type;
        try {
            type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new UsageException("application class '" + name + "' not found on the class path");
        }
        if (!Application.class.isAssignableFrom(type)) {
            throw new UsageException("'" + name + "' is not a jakarta.ws.rs.core.Application");
        }
        return type.asSubclass(Application.class);
    }

    /** A command-line mistake, reported in one line. */
    private static final class UsageException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }
}
