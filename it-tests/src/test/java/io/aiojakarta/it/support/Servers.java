package io.aiojakarta.it.support;

/**
 * The servers the integration tests run on, one after another: WildFly runs every test, GlassFish
 * and Open Liberty the tests in {@code io.aiojakarta.it.portable}, which need no feature that only
 * one server gives. A test for such a feature would carry a tag, named here with its reason, and be
 * excluded on the other servers in the module's POM.
 */
public final class Servers {

    private Servers() {
    }

    /**
     * The server this run targets.
     *
     * @return {@code wildfly}, {@code glassfish} or {@code liberty}
     */
    public static String current() {
        return System.getProperty("aiojakarta.server", "wildfly");
    }
}
