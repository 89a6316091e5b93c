package io.aiojakarta.embedded;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The launcher's default logging: one line per record, Aiojakarta's own messages from INFO, the
 * frameworks' (Undertow, XNIO, Weld, RESTEasy, Hibernate Validator) from WARNING, so that a healthy
 * start prints little more than the ready line. Left alone when the user configures
 * {@code java.util.logging} through its system properties.
 */
final class LauncherLogging {

    private static final String[] FRAMEWORKS = {"io.undertow", "org.xnio", "org.jboss", "org.hibernate.validator"};

    // Strong references: java.util.logging keeps loggers only weakly.
    private static final Logger[] CONFIGURED = new Logger[FRAMEWORKS.length];

    private LauncherLogging() {
    }

    static void configure() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s %3$s: %5$s%6$s%n");
        }
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(new SimpleFormatter());
        console.setLevel(Level.ALL);
        root.addHandler(console);
        root.setLevel(Level.INFO);
        for (int i = 0; i < FRAMEWORKS.length; i++) {
            CONFIGURED[i] = Logger.getLogger(FRAMEWORKS[i]);
            CONFIGURED[i].setLevel(Level.WARNING);
        }
    }
}
