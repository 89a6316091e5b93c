package io.aiojakarta.it.support;

import io.aiojakarta.embedded.support.Http;
import java.io.File;
import java.net.URI;
import java.net.URL;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Builds the WARs the tests deploy: application classes plus the two Aiojakarta jars, as a user ships them. */
public final class Deployments {

    private static final File DEPLOYABLES = new File(System.getProperty("aiojakarta.deployables", "target/deployables"));

    private static final String BEANS_ANNOTATED = """
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.1" bean-discovery-mode="annotated"/>
            """;

    private Deployments() {
    }

    public static WebArchive war(String name, Class<?>... classes) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(classes)
                .addAsLibraries(new File(DEPLOYABLES, "aiojakarta-extension.jar"),
                        new File(DEPLOYABLES, "aiojakarta-interceptors.jar"))
                .addAsWebInfResource(new StringAsset(BEANS_ANNOTATED), "beans.xml");
    }

    /** A real HTTP client for a deployment's base URL. */
    public static Http http(URL base) {
        return new Http(URI.create(base.toString()));
    }

    public static File exampleWar() {
        return new File(DEPLOYABLES, "aiojakarta-example.war");
    }
}
