package io.aiojakarta.internal.message;

import io.aiojakarta.ViewTimeoutException;
import io.aiojakarta.internal.ClientDisconnectedException;
import java.lang.invoke.MethodHandles;
import org.jboss.logging.Messages;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageBundle;
import org.jboss.logging.annotations.ValidIdRange;

/**
 * Why a mapped invocation's work was cancelled (ids {@code AIOJ-07nn}): each method returns the
 * exception its caller receives. Stateless and thread-safe.
 */
@MessageBundle(projectCode = Ids.PROJECT_CODE, length = Ids.LENGTH)
@ValidIdRange(min = 701, max = 799)
public interface CancellationMessages {

    /** The generated implementation. */
    CancellationMessages MESSAGES = Messages.getBundle(MethodHandles.lookup(), CancellationMessages.class);

    /**
     * A mapped body did not finish within its timeout.
     *
     * @param method the invocation's method, as a plan names it
     * @param millis the timeout
     * @return the exception to cancel it with (503 over HTTP)
     */
    @Message(id = 701, value = "'%s' did not finish within %d ms; its work was cancelled")
    ViewTimeoutException timedOut(String method, long millis);

    /**
     * The client left while its request's work ran.
     *
     * @param method the invocation's method, as a plan names it
     * @return the exception to cancel it with
     */
    @Message(id = 702, value = "the client of '%s' disconnected; its work was cancelled")
    ClientDisconnectedException clientLeft(String method);
}
