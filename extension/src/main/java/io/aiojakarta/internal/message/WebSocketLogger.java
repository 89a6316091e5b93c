package io.aiojakarta.internal.message;

import io.aiojakarta.WebSocketClosedException;
import java.lang.invoke.MethodHandles;
import org.jboss.logging.BasicLogger;
import org.jboss.logging.Logger;
import org.jboss.logging.annotations.Cause;
import org.jboss.logging.annotations.LogMessage;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageLogger;
import org.jboss.logging.annotations.ValidIdRange;

/**
 * What WebSocket connections and their deployment report (ids {@code AIOJ-06nn}). Logs under the
 * category {@value #CATEGORY}; some methods return the exception to throw instead. Thread-safe.
 */
@MessageLogger(projectCode = Ids.PROJECT_CODE, length = Ids.LENGTH)
@ValidIdRange(min = 601, max = 699)
public interface WebSocketLogger extends BasicLogger {

    /** The logging category of WebSocket messages. */
    String CATEGORY = "io.aiojakarta.websocket";

    /** The generated implementation. */
    WebSocketLogger LOG = Logger.getMessageLogger(MethodHandles.lookup(), WebSocketLogger.class, CATEGORY);

    /**
     * A transport error before the connection opened.
     *
     * @param failure the error
     */
    @LogMessage(level = Logger.Level.ERROR)
    @Message(id = 601, value = "WebSocket error before the connection opened")
    void errorBeforeOpen(@Cause Throwable failure);

    /**
     * A {@code WebSocketConnection} hook failed (the default {@code onError}), or {@code onError}
     * itself failed.
     *
     * @param hook {@code hook} or {@code onError}
     * @param connection the connection's class
     * @param failure what it threw
     */
    @LogMessage(level = Logger.Level.ERROR)
    @Message(id = 602, value = "WebSocket %s of %s failed")
    void hookFailed(String hook, String connection, @Cause Throwable failure);

    /**
     * A send on a closed connection.
     *
     * @param id the session's id
     * @param connection the connection's class
     * @param kind {@code text} or {@code binary}
     * @param cause what closed it, if known
     * @return the exception the send's stage fails with
     */
    @Message(id = 603, value = "WebSocket connection %s of %s is closed: the %s message was not sent")
    WebSocketClosedException closed(String id, String connection, String kind, @Cause Throwable cause);

    /**
     * An endpoint that is no CDI bean and has no no-argument constructor.
     *
     * @param endpoint the endpoint's class
     * @param cause what the constructor lookup threw
     * @return the exception to throw
     */
    @Message(id = 604, value = "cannot create WebSocket endpoint %s: it is no CDI bean and has no public no-argument "
            + "constructor")
    InstantiationException cannotCreateEndpoint(String endpoint, @Cause Throwable cause);

    /**
     * A discovered endpoint could not be deployed.
     *
     * @param endpoint the endpoint's class
     * @param path its path
     * @param reason the container's message
     * @param cause the container's exception
     * @return the exception that fails the deployment
     */
    @Message(id = 605, value = "cannot deploy WebSocket endpoint %s at '%s': %s")
    IllegalStateException cannotDeployEndpoint(String endpoint, String path, String reason, @Cause Throwable cause);

    /**
     * A mapped WebSocket callback failed.
     *
     * @param callback the callback, as a plan names it, or which connection's hook
     * @param failure what it threw
     */
    @LogMessage(level = Logger.Level.ERROR)
    @Message(id = 606, value = "WebSocket callback %s failed")
    void callbackFailed(String callback, @Cause Throwable failure);

    /**
     * A connection has as many events waiting as its bound allows; it is closed with 1013.
     *
     * @param connection which connection: its id and class, or its callback
     */
    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 607, value = "WebSocket connection %s has too many events waiting, the bound of "
            + "aiojakarta.websocket.max-pending-messages: closed with 1013 (try again later)")
    void tooManyPending(String connection);

    /**
     * {@code WebSocketConnection} subclasses in an application without a CDI container.
     *
     * @param connections the classes
     * @return the exception that fails the deployment
     */
    @Message(id = 608, value = "WebSocket connections %s cannot be deployed: the application has no CDI container "
            + "(WebSocketConnection's event loop comes from CDI)")
    IllegalStateException noCdiContainer(String connections);

    /**
     * {@code WebSocketConnection} subclasses on a server that offers the application no WebSocket
     * container.
     *
     * @param connections the classes
     * @return the exception that fails the deployment
     */
    @Message(id = 609, value = "WebSocket connections %s cannot be deployed: the server offers no Jakarta WebSocket "
            + "container to this application")
    IllegalStateException noWebSocketContainer(String connections);

    /**
     * Mapped callbacks of plain endpoints returning a stage, on a container that refuses them.
     *
     * @param callbacks the callbacks
     * @return the exception that fails the deployment
     */
    @Message(id = 610, value = "WebSocket callbacks %s return a CompletionStage, which this server's WebSocket "
            + "container (Tyrus, GlassFish) refuses. Extend io.aiojakarta.WebSocketConnection, whose hooks are "
            + "coroutines on every server, or return void and send the reply through the Session")
    IllegalStateException stageCallbacksRefused(String callbacks);

    /**
     * The peer of a connection went away: not a failure of the application, one line without a
     * stack trace.
     *
     * @param connection the connection's class
     * @param why the transport's message
     */
    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 611, value = "WebSocket connection of %s: the peer went away (%s)")
    void peerWentAway(String connection, String why);
}
