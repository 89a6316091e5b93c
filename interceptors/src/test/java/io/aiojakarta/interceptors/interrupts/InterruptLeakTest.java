package io.aiojakarta.interceptors.interrupts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.aiojakarta.ViewTimeoutException;
import io.aiojakarta.interceptors.MapperRegistration;
import io.aiojakarta.internal.cdi.AiojakartaExtension;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An interrupt aimed at one body never reaches the next task of the same pooled thread. */
@Timeout(30)
class InterruptLeakTest {

    @AfterEach
    void clearProperties() {
        System.clearProperty("aiojakarta.executor.max-threads");
    }

    @Test
    void interruptOfATimedOutBodyDoesNotReachTheNextTaskOnItsThread() {
        System.setProperty("aiojakarta.executor.max-threads", "1"); // the next task gets the same thread
        try (WeldContainer container = new Weld().disableDiscovery()
                .addExtensions(new AiojakartaExtension(), new MapperRegistration())
                .addBeanClasses(Spinner.class).initialize()) {
            Spinner spinner = container.select(Spinner.class).get();
            for (int round = 0; round < 3; round++) {
                ViewTimeoutException timedOut = assertThrows(ViewTimeoutException.class, spinner::spin);
                assertEquals("AIOJ-0701", timedOut.getMessage().substring(0, 9));
                assertFalse(spinner.startsInterrupted(), "round " + round + ": the next task started interrupted");
            }
        }
    }
}
