package io.aiojakarta.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProblemDetailsTest {

    @Test
    void aProblemHasTheFourStandardMembers() {
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"timed out\"}",
                ProblemDetails.unavailable("timed out"));
    }

    @Test
    void quotesAndControlCharactersInADetailAreEscaped() {
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"a \\\"quoted\\\" back\\\\slash\\nnew line \\u0001\"}",
                ProblemDetails.json(400, "Bad Request", "a \"quoted\" back\\slash\nnew line \u0001"));
    }
}
