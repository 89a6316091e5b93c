package io.aiojakarta.it.failures;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("/")
public class FailuresApplication extends Application {
}
