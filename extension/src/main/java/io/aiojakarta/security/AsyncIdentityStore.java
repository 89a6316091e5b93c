package io.aiojakarta.security;

import io.aiojakarta.GreenletBridge;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.concurrent.CompletionStage;

/**
 * A Jakarta Security {@link IdentityStore} whose lookup is asynchronous, as Aiopyramid lets an
 * authentication callback be a coroutine: implement {@link #validateAsync} with a non-blocking
 * user directory (an HTTP call, a reactive driver, {@code EventLoop} work), and the container's
 * synchronous call of {@link #validate} waits for it through the {@link GreenletBridge}, parking
 * the request's greenlet rather than blocking a platform thread.
 *
 * <p><b>Threads.</b> {@code validate} is called where the server authenticates the request: on
 * WildFly the request's greenlet, on GlassFish with virtual request threads the request's own
 * virtual thread; waiting parks either. Called on a platform thread (Open Liberty authenticates on
 * its own), {@code validate} follows the bridge's rule: a {@code ScopeException} in strict mode
 * (the default), else the thread blocks. See {@code docs/security.md}.
 * {@code validateAsync} is called on that same thread and must not block; its stage may complete
 * on any thread.
 *
 * <p><b>Outcome.</b> A stage that fails makes the validation fail with that exception (the
 * container answers as for a failing store); a stage completing with
 * {@link CredentialValidationResult#INVALID_RESULT} or
 * {@link CredentialValidationResult#NOT_VALIDATED_RESULT} means what it means for any store.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class DirectoryIdentityStore implements AsyncIdentityStore {
 *     @Inject UserDirectory directory; // answers CompletionStage<Optional<User>>
 *
 *     public CompletionStage<CredentialValidationResult> validateAsync(Credential credential) {
 *         if (!(credential instanceof UsernamePasswordCredential login)) {
 *             return CompletableFuture.completedFuture(CredentialValidationResult.NOT_VALIDATED_RESULT);
 *         }
 *         return directory.find(login.getCaller()).thenApply(user -> user
 *                 .filter(found -> found.matches(login.getPassword()))
 *                 .map(found -> new CredentialValidationResult(found.name(), found.groups()))
 *                 .orElse(CredentialValidationResult.INVALID_RESULT));
 *     }
 * }
 * }</pre>
 */
public interface AsyncIdentityStore extends IdentityStore {

    /**
     * Validates the credential without blocking.
     *
     * @param credential the caller's credential
     * @return the outcome, as {@link IdentityStore#validate(Credential)} would return it
     */
    CompletionStage<CredentialValidationResult> validateAsync(Credential credential);

    /**
     * Waits for {@link #validateAsync} on the calling greenlet. Not to be overridden.
     *
     * @param credential the caller's credential
     * @return the outcome of {@code validateAsync}
     */
    @Override
    default CredentialValidationResult validate(Credential credential) {
        return CDI.current().select(GreenletBridge.class).get().await(validateAsync(credential));
    }
}
