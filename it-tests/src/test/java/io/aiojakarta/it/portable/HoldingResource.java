package io.aiojakarta.it.portable;

import io.aiojakarta.AsyncView;
import io.aiojakarta.Mapper;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** Holds its request's greenlet for a while: the request's own greenlet runs the body inline. */
@Path("hold")
@RequestScoped
public class HoldingResource {

    /**
     * What Aiojakarta's MBeans in the server's platform MBean server report: how many there are, the
     * greenlet rejections they counted, and whether blocking bodies run on the server's managed executor.
     */
    @GET
    @Path("jmx")
    public String jmx() throws javax.management.JMException {
        javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        java.util.Set<javax.management.ObjectName> names =
                server.queryNames(new javax.management.ObjectName("io.aiojakarta:type=Runtime,*"), null);
        long rejections = 0;
        boolean managed = true;
        for (javax.management.ObjectName name : names) {
            rejections += (Long) server.getAttribute(name, "GreenletRejections");
            managed &= (Boolean) server.getAttribute(name, "ManagedExecutor");
        }
        return "beans=" + names.size() + " rejections=" + rejections + " managed=" + managed;
    }

    @GET
    @AsyncView(Mapper.GREENLET)
    public String hold(@QueryParam("millis") long millis) throws InterruptedException {
        Thread.sleep(millis);
        return "held";
    }
}
