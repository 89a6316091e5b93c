package io.aiojakarta.internal.message;

import java.lang.invoke.MethodHandles;
import java.util.concurrent.RejectedExecutionException;
import org.jboss.logging.BasicLogger;
import org.jboss.logging.Logger;
import org.jboss.logging.annotations.Cause;
import org.jboss.logging.annotations.LogMessage;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageLogger;
import org.jboss.logging.annotations.ValidIdRange;

/**
 * What the runtime reports while it runs and stops (ids {@code AIOJ-05nn}): the event loop, the
 * greenlets, the executor, request contexts, the servlet side and shutdown. Logs under the category
 * {@value #CATEGORY}; a few methods return the exception to throw instead. Thread-safe.
 */
@MessageLogger(projectCode = Ids.PROJECT_CODE, length = Ids.LENGTH)
@ValidIdRange(min = 501, max = 599)
public interface RuntimeLogger extends BasicLogger {

    /** The logging category of the runtime's messages. */
    String CATEGORY = "io.aiojakarta.runtime";

    /** The generated implementation. */
    RuntimeLogger LOG = Logger.getMessageLogger(MethodHandles.lookup(), RuntimeLogger.class, CATEGORY);

    /**
     * The event loop stopped with tasks never run.
     *
     * @param dropped how many
     */
    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 501, value = "event loop stopped with %d task(s) never run")
    void loopStoppedWithTasks(int dropped);

    /**
     * A task on the event loop threw; the loop goes on.
     *
     * @param failure what it threw
     */
    @LogMessage(level = Logger.Level.ERROR)
    @Message(id = 502, value = "a task on the event loop failed; the loop goes on")
    void loopTaskFailed(@Cause Throwable failure);

    /**
     * A greenlet task threw.
     *
     * @param failure what it threw
     */
    @LogMessage(level = Logger.Level.ERROR)
    @Message(id = 503, value = "a greenlet task failed")
    void greenletTaskFailed(@Cause Throwable failure);

    /**
     * Greenlets still running at shutdown were interrupted.
     *
     * @param stopped how many
     */
    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 504, value = "%d greenlet(s) still running at shutdown were interrupted")
    void greenletsInterrupted(int stopped);

    /**
     * The executor stopped: running tasks interrupted, queued ones dropped.
     *
     * @param dropped how many queued tasks were dropped
     */
    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 505, value = "executor stopped: running tasks interrupted, %d queued task(s) dropped")
    void executorStopped(int dropped);

    /**
     * Destroying request-scoped instances failed.
     *
     * @param failure what the destruction threw
     */
    @LogMessage(level = Logger.Level.ERROR)
    @Message(id = 506, value = "destroying request-scoped instances failed")
    void destroyFailed(@Cause Throwable failure);

    /**
     * A loop task has run past the stall threshold.
     *
     * @param loop the loop thread's name
     * @param millis how long the task has run
     * @param thresholdMillis the configured threshold
     * @param stack the loop thread's stack, one frame per line
     */
    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 507, value = "event-loop thread '%s' has been running one task for %d ms, over "
            + "aiojakarta.event-loop.blocked-warning-millis=%d: something blocks the loop. Move blocking work to "
            + "@AsyncView(EXECUTOR) or GreenletBridge.runInExecutor(...). Loop thread stack:%s")
    void loopStalled(String loop, long millis, long thresholdMillis, String stack);

    /**
     * The runtime's MBean could not be registered or unregistered.
     *
     * @param what {@code registered} or {@code unregistered}
     * @param failure why
     */
    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 508, value = "the Aiojakarta MBean could not be %s")
    void mbeanFailed(String what, @Cause Throwable failure);

    /**
     * A greenlet was pinned to its carrier past the threshold.
     *
     * @param greenlet the greenlet's name
     * @param millis how long it was pinned
     * @param stack its stack, one frame per line
     */
    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 509, value = "greenlet '%s' was pinned to its carrier thread for %d ms while it blocked: with "
            + "enough pinned greenlets every greenlet stalls. Blocking inside a class initializer or native code pins "
            + "(and inside synchronized on JDK 21 to 23). Greenlet stack:%s")
    void greenletPinned(String greenlet, long millis, String stack);

    /**
     * Pinning is not reported: JDK Flight Recorder is unavailable.
     *
     * @param why what refused it
     */
    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 510, value = "greenlet pinning is not reported: JDK Flight Recorder is unavailable (%s)")
    void pinningNotReported(String why);

    /**
     * Mapped invocations still running after the drain time were cancelled.
     *
     * @param cancelled how many
     * @param drainMillis the drain time
     */
    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 511, value = "%d mapped invocation(s) still running after the drain time of %d ms were cancelled; "
            + "their callers were answered 503")
    void invocationsCancelledAtShutdown(int cancelled, long drainMillis);

    /**
     * What the caller of an invocation cancelled at shutdown receives.
     *
     * @param method the invocation's method, as a plan names it
     * @return the exception (503 over HTTP)
     */
    @Message(id = 512, value = "the application is shutting down: '%s' was still running after the drain time and "
            + "was cancelled")
    RejectedExecutionException cancelledAtShutdown(String method);

    /**
     * Requests of a deployment still running after the drain time; left to the server.
     *
     * @param left how many
     * @param contextPath the deployment's context path
     * @param drainMillis the drain time
     */
    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 513, value = "%d request(s) of '%s' still running after the drain time of %d ms; they are left to "
            + "the server")
    void requestsLeftAtShutdown(long left, String contextPath, long drainMillis);

    /**
     * A thread's active request context cannot be set aside to run another request's code.
     *
     * @param thread the thread's name
     * @param context the active context's class
     * @return the exception to throw
     */
    @Message(id = 514, value = "thread '%s' has request context %s active, which cannot be set aside to run another "
            + "request's code; run that code on the event loop or a greenlet instead")
    IllegalStateException foreignRequestContext(String thread, String context);

    /**
     * A {@code @Suspended} coroutine called outside Jakarta REST failed.
     *
     * @param method the coroutine, as a plan names it
     * @param failure what it failed with
     */
    @LogMessage(level = Logger.Level.ERROR)
    @Message(id = 515, value = "@Suspended coroutine '%s' failed and has no AsyncResponse to report it to")
    void suspendedCoroutineFailed(String method, @Cause Throwable failure);

    /**
     * A request served on a greenlet failed there, or could not be served there.
     *
     * @param httpMethod the request's method
     * @param uri the request's URI
     * @param failure why
     */
    @LogMessage(level = Logger.Level.ERROR)
    @Message(id = 516, value = "request %s %s failed on its greenlet; answered 500 unless already committed")
    void greenletRequestFailed(String httpMethod, String uri, @Cause Throwable failure);

    /**
     * {@code getAsyncContext()} on a greenlet-served request whose chain did not start asynchronous
     * processing.
     *
     * @return the exception to throw
     */
    @Message(id = 517, value = "the request has not been put in asynchronous mode")
    IllegalStateException notAsynchronous();

    /**
     * Once per deployment: its requests stay on the server's platform threads.
     *
     * @param contextPath the deployment's context path
     * @param why the reason
     */
    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 518, value = "requests of '%s' run on the server's platform threads, not on greenlets: %s. "
            + "GreenletBridge.await there throws AIOJ-0302 in strict mode")
    void requestsOnPlatformThreads(String contextPath, String why);

    /**
     * An asynchronous listener of a greenlet-served request failed.
     *
     * @param listener the listener's class
     * @param event the event it was given
     * @param failure what it threw
     */
    @LogMessage(level = Logger.Level.ERROR)
    @Message(id = 519, value = "asynchronous listener %s failed on %s")
    void asyncListenerFailed(String listener, String event, @Cause Throwable failure);

    /**
     * A hook registered for a client's disconnect failed.
     *
     * @param failure what it threw
     */
    @LogMessage(level = Logger.Level.ERROR)
    @Message(id = 520, value = "a disconnect hook failed")
    void disconnectHookFailed(@Cause Throwable failure);

    /**
     * A loop task ran past the stall threshold while the JVM loaded classes: first use, not a stall.
     *
     * @param loop the loop thread's name
     * @param millis how long the task ran
     * @param loaded how many classes were loaded meanwhile
     * @param stack the top of the loop thread's stack, one frame per line
     */
    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 521, value = "event-loop thread '%s' ran one task for %d ms while the JVM loaded %d classes: the "
            + "first use of some code on the loop, not a blocked loop; later runs do not pay it. Touch that code at "
            + "startup to spare the first requests. Where the loop thread was:%s")
    void loopFirstUse(String loop, long millis, long loaded, String stack);

    /**
     * The runtime's OpenTelemetry metrics could not be registered or removed.
     *
     * @param what {@code registered} or {@code removed}
     * @param failure why
     */
    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 522, value = "the runtime's OpenTelemetry metrics could not be %s")
    void metricsFailed(String what, @Cause Throwable failure);

    /**
     * {@code complete} or {@code dispatch} on a greenlet-served request whose earlier call is still
     * waiting for the chain to return.
     *
     * @return the exception to throw
     */
    @Message(id = 523, value = "the request's asynchronous processing is already completing or dispatching")
    IllegalStateException asyncAlreadyEnding();
}
