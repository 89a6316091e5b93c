package io.aiojakarta.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RESTEasy's service file and the list Jersey registers name the same providers. */
class RestProvidersTest {

    @Test
    void theServiceFileListsExactlyTheProvidersJerseyRegisters() throws IOException {
        try (InputStream file = RestProviders.class.getResourceAsStream("/META-INF/services/jakarta.ws.rs.ext.Providers")) {
            List<String> listed = new String(file.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
            assertEquals(RestProviders.ALL.stream().map(Class::getName).toList(), listed);
        }
    }
}
