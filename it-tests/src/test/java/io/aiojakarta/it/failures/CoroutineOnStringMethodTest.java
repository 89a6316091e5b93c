package io.aiojakarta.it.failures;

import io.aiojakarta.it.support.Deployments;
import jakarta.enterprise.inject.spi.DefinitionException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** WildFly refuses a deployment with @AsyncView(COROUTINE) on a method returning String. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CoroutineOnStringMethodTest {

    @Deployment(testable = false)
    @ShouldThrowException(DefinitionException.class)
    static WebArchive deployment() {
        return Deployments.war("bad-coroutine", FailuresApplication.class, BadCoroutineResource.class);
    }

    @Test
    void deploymentFailsWithADefinitionError() {
        // Arquillian fails this test unless deploying threw the expected exception
    }
}
