package io.aiojakarta.it.support;

import io.aiojakarta.embedded.websocket.Client;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends a client's messages and collects one reply per message, in the order they arrive. Back to
 * back, as a busy client would, on every server but Open Liberty 26.0.0.5: its WebSocket reader
 * loses or garbles client frames that reach it back to back (a plain annotated echo endpoint without
 * Aiojakarta skipped 372 of 3,000 pipelined messages in one round of fifteen), so there each message
 * waits for the previous reply (see docs/servers.md). Not thread-safe: one exchange per client at a
 * time.
 */
public final class WebSocketExchange {

    private WebSocketExchange() {
    }

    /**
     * Whether the server this run targets reads client frames that arrive back to back correctly.
     *
     * @return {@code false} on Open Liberty
     */
    public static boolean readsPipelinedFrames() {
        return !"liberty".equals(Servers.current());
    }

    /**
     * Sends every message and returns the replies.
     *
     * @param client a connected client that has read everything the server sent before
     * @param messages the messages, sent in this order
     * @return one reply per message, in arrival order
     * @throws InterruptedException if interrupted while waiting for a reply
     */
    public static List<Object> replies(Client client, List<String> messages) throws InterruptedException {
        List<Object> replies = new ArrayList<>(messages.size());
        if (readsPipelinedFrames()) {
            client.sendAll(messages);
            for (int i = 0; i < messages.size(); i++) {
                replies.add(client.next());
            }
        } else {
            for (String message : messages) {
                client.sendAll(List.of(message));
                replies.add(client.next());
            }
        }
        return replies;
    }
}
