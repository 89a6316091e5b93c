package io.aiojakarta.it.asyncsecurity;

import io.aiojakarta.EventLoop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A non-blocking user directory, as a remote one would answer: each lookup completes after a short
 * wait on the event loop, holding no thread meanwhile.
 */
@ApplicationScoped
public class UserDirectory {

    /**
     * A user of the directory.
     *
     * @param name the caller name
     * @param password the password
     * @param groups the groups, which are the roles
     */
    public record User(String name, String password, Set<String> groups) {
    }

    private static final Map<String, User> USERS = Map.of(
            "carol", new User("carol", "carol-Secret-1", Set.of("reader")),
            "dave", new User("dave", "dave-Secret-1", Set.of("guest")));

    @Inject
    EventLoop loop;

    /**
     * Looks a user up.
     *
     * @param name the caller name
     * @return the user, once the directory has answered
     */
    public CompletionStage<Optional<User>> find(String name) {
        return loop.sleep(Duration.ofMillis(10)).thenApply(ignored -> Optional.ofNullable(USERS.get(name)));
    }
}
