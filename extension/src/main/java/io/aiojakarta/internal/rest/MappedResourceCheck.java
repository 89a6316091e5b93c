package io.aiojakarta.internal.rest;

import io.aiojakarta.AsyncView;
import io.aiojakarta.internal.Messages;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;
import java.util.Optional;

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
        beanManager().ifPresent(beans -> {
            if (beans.getBeans(type).isEmpty()) {
                throw new DeploymentException(Messages.viewIsNotABean(method));
            }
        });
    }

    private Optional<BeanManager> beanManager() {
        Object attribute = servletContext == null ? null : servletContext.getAttribute(BeanManager.class.getName());
        if (attribute instanceof BeanManager manager) {
            return Optional.of(manager);
        }
        try {
            return Optional.of(CDI.current().getBeanManager());
        } catch (IllegalStateException noContainer) {
            return Optional.empty();
        }
    }
}
