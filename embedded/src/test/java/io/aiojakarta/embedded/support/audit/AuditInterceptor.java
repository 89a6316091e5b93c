package io.aiojakarta.embedded.support.audit;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** A user interceptor: records the thread it ran on in the request's audit trail. */
@Audited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditInterceptor {

    @Inject
    AuditTrail trail;

    @AroundInvoke
    Object audit(InvocationContext invocation) throws Exception {
        trail.add("audit@" + Thread.currentThread().getName().replaceAll("-\\d+$", ""));
        return invocation.proceed();
    }
}
