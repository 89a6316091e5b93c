package io.aiojakarta.it.support;

import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.spi.client.container.DeploymentExceptionTransformer;

/**
 * WildFly reports a failed deployment as text through its management API; this turns the CDI
 * error named in that text back into its exception type (with the message the application gave),
 * so that {@code @ShouldThrowException(DefinitionException.class)} can match it.
 */
public final class WildFlyFailureTransformer implements DeploymentExceptionTransformer {

    private static final Pattern CDI_ERROR = Pattern.compile(
            "(?:jakarta\\.enterprise\\.inject\\.spi|org\\.jboss\\.weld\\.exceptions)\\.(DefinitionException|DeploymentException): (AIOJ-[^\\n\\\\\"]*)");

    @Override
    public Throwable transform(Throwable failure) {
        if (failure == null || failure.getMessage() == null) {
            return failure;
        }
        Matcher error = CDI_ERROR.matcher(failure.getMessage());
        if (!error.find()) {
            return failure;
        }
        RuntimeException cdi = error.group(1).equals("DefinitionException")
                ? new DefinitionException(error.group(2))
                : new DeploymentException(error.group(2));
        cdi.initCause(failure);
        return cdi;
    }
}
