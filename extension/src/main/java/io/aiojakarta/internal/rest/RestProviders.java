package io.aiojakarta.internal.rest;

import java.util.List;

/**
 * The Jakarta REST providers every application with Aiojakarta gets: the check that mapped
 * resources are CDI beans and the mappers that answer Aiojakarta's refusals with 503. RESTEasy reads
 * them from {@code META-INF/services/jakarta.ws.rs.ext.Providers} (the same list);
 * Jersey, which does not read that file, registers them through
 * {@code io.aiojakarta.internal.jersey.JerseyProviders}. Stateless.
 */
public final class RestProviders {

    /** The providers, in the order they are registered. */
    public static final List<Class<?>> ALL = List.of(MappedResourceCheck.class, UnavailableMappers.Rejected.class,
            UnavailableMappers.TimedOut.class, UnavailableMappers.ClientGone.class);

    private RestProviders() {
    }
}
