package io.aiojakarta.it.asyncsecurity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/** HTTP Basic through Jakarta Security, validated by the application's {@link DirectoryIdentityStore}. */
@BasicAuthenticationMechanismDefinition(realmName = "async-directory")
@ApplicationScoped
public class BasicLogin {
}
