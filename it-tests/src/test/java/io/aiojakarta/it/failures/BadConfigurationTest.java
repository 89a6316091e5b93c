package io.aiojakarta.it.failures;

import io.aiojakarta.it.support.Deployments;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** WildFly refuses a deployment whose MicroProfile Config sets an invalid Aiojakarta value. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadConfigurationTest {

    @Deployment(testable = false)
    @ShouldThrowException(DeploymentException.class)
    static WebArchive deployment() {
        return Deployments.war("bad-config", FailuresApplication.class, GoodResource.class)
                .addAsResource(new StringAsset("aiojakarta.event-loop.threads=0\n"), "META-INF/microprofile-config.properties");
    }

    @Test
    void deploymentFailsWithADeploymentProblem() {
        // Arquillian fails this test unless deploying threw the expected exception
    }
}
