package io.aiojakarta.internal.message;

import jakarta.enterprise.inject.spi.DeploymentException;
import java.lang.invoke.MethodHandles;
import org.jboss.logging.Messages;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageBundle;
import org.jboss.logging.annotations.ValidIdRange;

/**
 * What a configuration is refused for (ids {@code AIOJ-02nn}): each method returns the deployment
 * problem the extension reports. Stateless and thread-safe.
 */
@MessageBundle(projectCode = Ids.PROJECT_CODE, length = Ids.LENGTH)
@ValidIdRange(min = 201, max = 299)
public interface ConfigMessages {

    /** The generated implementation. */
    ConfigMessages MESSAGES = Messages.getBundle(MethodHandles.lookup(), ConfigMessages.class);

    /**
     * An invalid configuration value.
     *
     * @param key the key
     * @param value the value as read
     * @param origin where it was read from
     * @param rule what a valid value looks like
     * @return the deployment problem
     */
    @Message(id = 201, value = "configuration '%s' = '%s' (from %s) is invalid: %s")
    DeploymentException invalidConfig(String key, String value, String origin, String rule);
}
