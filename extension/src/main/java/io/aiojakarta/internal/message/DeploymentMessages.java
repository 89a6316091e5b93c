package io.aiojakarta.internal.message;

import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.lang.invoke.MethodHandles;
import org.jboss.logging.Messages;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageBundle;
import org.jboss.logging.annotations.ValidIdRange;

/**
 * What a deployment is refused for (ids {@code AIOJ-01nn}): each method returns the exception the
 * extension reports to the CDI container, which fails the deployment with it. Stateless and
 * thread-safe.
 */
@MessageBundle(projectCode = Ids.PROJECT_CODE, length = Ids.LENGTH)
@ValidIdRange(min = 101, max = 199)
public interface DeploymentMessages {

    /** The generated implementation. */
    DeploymentMessages MESSAGES = Messages.getBundle(MethodHandles.lookup(), DeploymentMessages.class);

    /**
     * {@code @AsyncView(COROUTINE)} on a method that cannot be a coroutine.
     *
     * @param method the offending method, as a plan names it
     * @param returnType what it returns
     * @return the definition error
     */
    @Message(id = 101, value = "@AsyncView(COROUTINE) on '%s': must return CompletionStage or take @Suspended "
            + "AsyncResponse, returns %s")
    DefinitionException coroutineNeedsStage(String method, String returnType);

    /**
     * {@code @AsyncView} is used, but no interceptor is bound to its mapper.
     *
     * @param mapper the mapper without an interceptor
     * @param user one method that uses it
     * @return the deployment problem
     */
    @Message(id = 102, value = "@AsyncView(%s) on '%s' has no interceptor: add the "
            + "io.aiojakarta:aiojakarta-interceptors jar next to aiojakarta-extension")
    DeploymentException mapperMissing(String mapper, String user);

    /**
     * The runtime is used before deployment validation completed, or after deployment failed.
     *
     * @return the exception to throw
     */
    @Message(id = 103, value = "the Aiojakarta runtime is used before deployment validation completed "
            + "(or deployment failed)")
    IllegalStateException runtimeNotStarted();

    /**
     * A mapped resource method whose class is not a CDI bean.
     *
     * @param method the mapped method, as a plan names it
     * @param type its class
     * @return the deployment problem
     */
    @Message(id = 104, value = "@AsyncView on '%s' has no effect: %s is not a CDI bean (bean discovery mode "
            + "'annotated' and no bean-defining annotation, or registered as a singleton instance). Put "
            + "@AsyncView or a scope such as @RequestScoped on the class")
    DeploymentException viewIsNotABean(String method, String type);

    /**
     * A mapped WebSocket callback returning a stage without a {@code Session} parameter.
     *
     * @param method the callback, as a plan names it
     * @return the definition error
     */
    @Message(id = 105, value = "@AsyncView WebSocket callback '%s' returns a stage: add a jakarta.websocket.Session "
            + "parameter, through which its value is sent when the stage completes")
    DefinitionException webSocketStageNeedsSession(String method);

    /**
     * {@code @AsyncView} and Jakarta Concurrency's {@code @Asynchronous} on one method.
     *
     * @param method the method, as a plan names it
     * @return the definition error
     */
    @Message(id = 106, value = "'%s' has both @AsyncView and @Asynchronous: each moves the body to another thread "
            + "and they would stack; keep @AsyncView (or remove it to keep @Asynchronous)")
    DefinitionException conflictingAsynchronous(String method);
}
