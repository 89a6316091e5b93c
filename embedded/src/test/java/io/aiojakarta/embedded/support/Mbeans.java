package io.aiojakarta.embedded.support;

import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** Reads the Aiojakarta runtime MBean of the only server running in this JVM. */
public final class Mbeans {

    private Mbeans() {
    }

    public static long attribute(String name) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            Set<ObjectName> runtimes = server.queryNames(new ObjectName("io.aiojakarta:type=Runtime,*"), null);
            if (runtimes.size() != 1) {
                throw new AssertionError("expected one Aiojakarta runtime MBean, found " + runtimes);
            }
            return ((Number) server.getAttribute(runtimes.iterator().next(), name)).longValue();
        } catch (JMException e) {
            throw new AssertionError(e);
        }
    }
}
