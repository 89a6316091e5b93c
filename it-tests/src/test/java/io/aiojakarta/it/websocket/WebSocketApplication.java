package io.aiojakarta.it.websocket;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("/api")
public class WebSocketApplication extends Application {
}
