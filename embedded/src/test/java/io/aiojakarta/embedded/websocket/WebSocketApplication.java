package io.aiojakarta.embedded.websocket;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** No resources: the endpoints are what is under test. */
@ApplicationPath("/api")
public class WebSocketApplication extends Application {
}
