package io.aiojakarta.it.portable;

import io.aiojakarta.AsyncView;
import io.aiojakarta.Mapper;
import jakarta.enterprise.context.Dependent;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

/** A plain endpoint that says "ready" when a connection opens, then replies from an EXECUTOR callback. */
@ServerEndpoint("/ws/greeting-blocking")
@Dependent
public class GreetingBlockingEndpoint {

    @OnOpen
    public void greet(Session session) throws IOException {
        session.getBasicRemote().sendText("ready");
    }

    @OnMessage
    @AsyncView(Mapper.EXECUTOR)
    public String reply(String text) throws InterruptedException {
        Thread.sleep(5); // simulates blocking I/O
        return text + "@" + Thread.currentThread().getName();
    }
}
