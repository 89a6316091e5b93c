package io.aiojakarta.internal.rest;

import io.aiojakarta.AsyncView;
import io.aiojakarta.internal.dispatch.ViewPlan;
import io.aiojakarta.internal.message.DeploymentMessages;
import io.aiojakarta.internal.servlet.RuntimeLookup;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;

/**
 * Fails deployment when a resource method is mapped with {@code @AsyncView} but its resource is
 * not a CDI bean, so that no interceptor would ever run: the mapping would silently do nothing.
 * Runs once per resource method when Jakarta REST deploys. Registered through
 * {@code META-INF/services/jakarta.ws.rs.ext.Providers}. Thread-safe.
 */
public final class MappedResourceCheck implements DynamicFeature {

    @Context
    private ServletContext servletContext;

    /** For Jakarta REST. */
    public MappedResourceCheck() {
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Class<?> type = resource.getResourceClass();
        Method method = resource.getResourceMethod();
        if (type == null || method == null
                || !(method.isAnnotationPresent(AsyncView.class) || type.isAnnotationPresent(AsyncView.class))) {
            return;
        }
        RuntimeLookup.beanManager(servletContext).ifPresent(beans -> {
            if (beans.getBeans(type).isEmpty()) {
                throw DeploymentMessages.MESSAGES.viewIsNotABean(ViewPlan.describe(method), type.getName());
            }
        });
    }
}
