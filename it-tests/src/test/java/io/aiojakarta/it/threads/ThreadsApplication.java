package io.aiojakarta.it.threads;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("/")
public class ThreadsApplication extends Application {
}
