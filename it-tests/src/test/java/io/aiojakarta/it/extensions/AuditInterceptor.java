package io.aiojakarta.it.extensions;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

@Audited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditInterceptor {

    @Inject
    AuditTrail trail;

    @AroundInvoke
    Object audit(InvocationContext invocation) throws Exception {
        trail.record(Thread.currentThread().getName().replaceAll("-\\d+$", ""));
        return invocation.proceed();
    }
}
