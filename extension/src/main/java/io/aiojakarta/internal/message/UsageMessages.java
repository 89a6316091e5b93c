package io.aiojakarta.internal.message;

import io.aiojakarta.ScopeException;
import java.lang.invoke.MethodHandles;
import org.jboss.logging.Messages;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageBundle;
import org.jboss.logging.annotations.ValidIdRange;

/**
 * A call the API refuses (ids {@code AIOJ-03nn}): each method returns the exception to throw at the
 * caller. Stateless and thread-safe.
 */
@MessageBundle(projectCode = Ids.PROJECT_CODE, length = Ids.LENGTH)
@ValidIdRange(min = 301, max = 399)
public interface UsageMessages {

    /** The generated implementation. */
    UsageMessages MESSAGES = Messages.getBundle(MethodHandles.lookup(), UsageMessages.class);

    /**
     * A wait on the event loop.
     *
     * @param operation what was called
     * @param thread the loop thread's name
     * @return the exception to throw
     */
    @Message(id = 301, value = "%s called on event-loop thread '%s': waiting there would deadlock the loop. Compose "
            + "the stage instead (thenCompose/thenApply), or run the waiting code on a greenlet with "
            + "GreenletBridge.spawnGreenlet(...)")
    ScopeException awaitOnEventLoop(String operation, String thread);

    /**
     * A wait on a platform thread in strict mode.
     *
     * @param operation what was called
     * @param thread the thread's name
     * @return the exception to throw
     */
    @Message(id = 302, value = "%s called on thread '%s', a platform thread, in strict mode. Run the code on a "
            + "greenlet (@AsyncView(GREENLET) on the resource, GreenletBridge.spawnGreenlet(...), or every request "
            + "on one: aiojakarta.greenlets.requests=true, and on GlassFish virtual request threads; AIOJ-0518 in "
            + "the log says why requests are not on greenlets), or use synchronize(coroutine, false) / "
            + "aiojakarta.bridge.strict=false to block this thread")
    ScopeException awaitOnPlatformThread(String operation, String thread);

    /**
     * A null argument to the public API.
     *
     * @param what the parameter and the method, as {@code GreenletBridge.await(stage)}
     * @return the exception to throw
     */
    @Message(id = 303, value = "%s must not be null")
    NullPointerException nullArgument(String what);

    /**
     * An {@code EXECUTOR} or {@code GREENLET} method called on the event loop.
     *
     * @param mapper the method's mapper
     * @param method the method, as a plan names it
     * @param thread the loop thread's name
     * @param bridgeCall the bridge method to call it through instead
     * @return the exception to throw
     */
    @Message(id = 304, value = "@AsyncView(%s) method '%s' called on event-loop thread '%s': its caller would block "
            + "the loop. Call it through %s and compose the returned stage")
    ScopeException blockingCallOnEventLoop(String mapper, String method, String thread, String bridgeCall);
}
