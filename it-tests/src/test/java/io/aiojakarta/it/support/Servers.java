package io.aiojakarta.it.support;

/**
 * The servers the integration tests run on, one after another, and the tags of tests that need a
 * feature only some of them give: a tagged test is skipped on the servers its tag's javadoc names.
 */
public final class Servers {

    /**
     * Needs JAX-RS {@code @Context} objects to answer on a hop thread, which Aiojakarta carries with
     * RESTEasy's API: visible to applications on WildFly; GlassFish runs Jersey, and Open Liberty
     * hides its RESTEasy from applications. Skipped on GlassFish and Open Liberty.
     */
    public static final String RESTEASY_CONTEXT = "resteasy-context";

    /**
     * Needs the request's {@code @RequestScoped} instances on a hop thread, which Aiojakarta carries
     * with Weld's API: visible to applications on WildFly and GlassFish; Open Liberty hides Weld.
     * Skipped on Open Liberty.
     */
    public static final String WELD_REQUEST_SCOPE = "weld-request-scope";

    /**
     * Needs every request of the deployment on a greenlet, so that synchronous code anywhere in the
     * request (a legacy filter) may await: Aiojakarta does this through Undertow (WildFly). GlassFish
     * and Open Liberty run requests on their own platform threads. Skipped on GlassFish and Open Liberty.
     */
    public static final String WHOLE_REQUEST_GREENLETS = "whole-request-greenlets";

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
