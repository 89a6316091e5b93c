package io.aiojakarta.it.extensions;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("/")
public class NotesApplication extends Application {
}
