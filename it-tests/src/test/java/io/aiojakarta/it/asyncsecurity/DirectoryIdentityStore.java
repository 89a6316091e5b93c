package io.aiojakarta.it.asyncsecurity;

import io.aiojakarta.security.AsyncIdentityStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application's identity store: an asynchronous lookup in the {@link UserDirectory}. Counts the
 * validations the container made on platform threads (there should be none: each request's
 * greenlet waits for the directory).
 */
@ApplicationScoped
public class DirectoryIdentityStore implements AsyncIdentityStore {

    static final AtomicInteger VALIDATIONS = new AtomicInteger();
    static final AtomicInteger ON_PLATFORM_THREADS = new AtomicInteger();

    @Inject
    UserDirectory directory;

    @Override
    public CompletionStage<CredentialValidationResult> validateAsync(Credential credential) {
        VALIDATIONS.incrementAndGet();
        if (!Thread.currentThread().isVirtual()) {
            ON_PLATFORM_THREADS.incrementAndGet();
        }
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CompletableFuture.completedFuture(CredentialValidationResult.NOT_VALIDATED_RESULT);
        }
        return directory.find(login.getCaller()).thenApply(user -> user
                .filter(found -> login.getPasswordAsString().equals(found.password()))
                .map(found -> new CredentialValidationResult(found.name(), found.groups()))
                .orElse(CredentialValidationResult.INVALID_RESULT));
    }
}
