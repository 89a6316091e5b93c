package io.aiojakarta.it.portable;

import io.aiojakarta.AsyncView;
import io.aiojakarta.EventLoop;
import io.aiojakarta.Mapper;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A plain annotated endpoint that says "ready" when a connection opens (see
 * {@link ConnectionsOnEveryServerTest} for why a client waits for it), then replies to each message
 * from a COROUTINE callback after a random delay, yet in order.
 */
@ServerEndpoint("/ws/greeting-plain")
@Dependent
public class GreetingPlainEndpoint {

    @Inject
    EventLoop loop;

    @OnOpen
    public void greet(Session session) throws IOException {
        session.getBasicRemote().sendText("ready");
    }

    @OnMessage
    @AsyncView(Mapper.COROUTINE)
    public CompletionStage<String> reply(String text, Session session) {
        String thread = Thread.currentThread().getName();
        return loop.sleep(Duration.ofMillis(ThreadLocalRandom.current().nextInt(0, 20)))
                .thenApply(ignored -> text + "@" + thread);
    }
}
