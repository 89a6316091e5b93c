package io.aiojakarta.internal.message;

import java.lang.invoke.MethodHandles;
import java.util.concurrent.RejectedExecutionException;
import org.jboss.logging.Messages;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageBundle;
import org.jboss.logging.annotations.ValidIdRange;

/**
 * Work refused because a bound is reached or a pool has stopped (ids {@code AIOJ-04nn}): each method
 * returns the exception the submitter receives, 503 over HTTP. Stateless and thread-safe.
 */
@MessageBundle(projectCode = Ids.PROJECT_CODE, length = Ids.LENGTH)
@ValidIdRange(min = 401, max = 499)
public interface CapacityMessages {

    /** The generated implementation. */
    CapacityMessages MESSAGES = Messages.getBundle(MethodHandles.lookup(), CapacityMessages.class);

    /**
     * A task offered to a pool that has been shut down.
     *
     * @param pool the pool's name
     * @return the exception to throw
     */
    @Message(id = 401, value = "the %s has been shut down and accepts no task")
    RejectedExecutionException shutDown(String pool);

    /**
     * The executor's threads are busy and its queue is full.
     *
     * @param maxThreads the configured thread bound
     * @param queueSize the configured queue bound
     * @return the exception to throw
     */
    @Message(id = 402, value = "the executor is saturated (%d threads busy, %d tasks queued): raise "
            + "aiojakarta.executor.max-threads or aiojakarta.executor.queue-size, or move blocking work off the hot path")
    RejectedExecutionException executorFull(int maxThreads, int queueSize);

    /**
     * The greenlet bound is reached.
     *
     * @param max the configured bound
     * @return the exception to throw
     */
    @Message(id = 403, value = "%d greenlets are alive, the bound of aiojakarta.greenlets.max-concurrent: the task "
            + "was refused")
    RejectedExecutionException greenletsExhausted(int max);

    /**
     * An event loop's bound on tasks and timers is reached.
     *
     * @param loop the loop thread's name
     * @param capacity the configured bound
     * @return the exception to throw
     */
    @Message(id = 405, value = "event loop '%s' holds %d tasks and timers, the bound of "
            + "aiojakarta.event-loop.max-queued: the task was refused. Raise the bound, or lower "
            + "aiojakarta.coroutines.max-in-flight so that fewer coroutines wait at once")
    RejectedExecutionException loopFull(String loop, int capacity);

    /**
     * The bound on coroutine requests in flight is reached.
     *
     * @param max the configured bound
     * @param method the refused coroutine, as a plan names it
     * @return the exception to throw (503 with {@code Retry-After} over HTTP)
     */
    @Message(id = 406, value = "%d coroutines are in flight, the bound of aiojakarta.coroutines.max-in-flight: '%s' "
            + "was refused before its body ran")
    RejectedExecutionException coroutinesExhausted(int max, String method);
}
