package io.aiojakarta.internal.loop;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * A JDK Flight Recorder event for a loop task that ran past
 * {@code aiojakarta.event-loop.blocked-warning-millis}.
 */
@Name("io.aiojakarta.LoopStall")
@Label("Event Loop Stall")
@Category("Aiojakarta")
@Description("A task ran on the event loop for longer than the configured warning threshold")
final class LoopStallEvent extends jdk.jfr.Event {

    @Label("Loop Thread")
    String loopThread;

    @Label("Running (ms)")
    long runningMillis;

    @Label("Loop Thread Stack")
    String stack;

    @Label("First Use")
    @Description("The task was loading or initialising classes: the first use of code on the loop, not a blocked loop")
    boolean firstUse;
}
