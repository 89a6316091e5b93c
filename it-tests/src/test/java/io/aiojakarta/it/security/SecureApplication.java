package io.aiojakarta.it.security;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("/")
public class SecureApplication extends Application {
}
