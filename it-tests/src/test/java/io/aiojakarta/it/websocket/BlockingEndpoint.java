package io.aiojakarta.it.websocket;

import io.aiojakarta.AsyncView;
import io.aiojakarta.Mapper;
import jakarta.enterprise.context.Dependent;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** A plain endpoint whose blocking handler runs on the executor. */
@ServerEndpoint("/ws/blocking")
@Dependent
public class BlockingEndpoint {

    @OnMessage
    @AsyncView(Mapper.EXECUTOR)
    public String reply(String text) throws InterruptedException {
        Thread.sleep(5); // simulates blocking I/O
        return text + "@" + Thread.currentThread().getName().replaceAll("-\\d+$", "");
    }
}
