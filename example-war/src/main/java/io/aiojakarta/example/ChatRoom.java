package io.aiojakarta.example;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chat room: the open connections, and a broadcast to all of them. Thread-safe.
 */
@ApplicationScoped
public class ChatRoom {

    private final Set<ChatConnection> members = ConcurrentHashMap.newKeySet();

    /** For CDI. */
    public ChatRoom() {
    }

    /**
     * Adds a connection.
     *
     * @param member the connection
     * @return how many are in the room now
     */
    public int join(ChatConnection member) {
        members.add(member);
        return members.size();
    }

    /**
     * Removes a connection.
     *
     * @param member the connection
     * @return how many are left
     */
    public int leave(ChatConnection member) {
        members.remove(member);
        return members.size();
    }

    /**
     * Sends a message to every member at once.
     *
     * @param message the message
     * @return a stage completing when every send has completed; members that left meanwhile are skipped
     */
    public CompletionStage<Void> broadcast(String message) {
        return CompletableFuture.allOf(members.stream()
                .map(member -> member.send(message).toCompletableFuture().exceptionally(leftMeanwhile -> null))
                .toArray(CompletableFuture[]::new));
    }
}
