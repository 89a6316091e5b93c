package io.aiojakarta.internal;

/**
 * The body of every error Aiojakarta answers itself (a refusal, a timeout, a stopping deployment):
 * an RFC 9457 problem details document, {@value #MEDIA_TYPE}, so that clients read one shape from
 * the servlet filter, the Undertow handler and the Jakarta REST exception mappers alike. Built by
 * hand: the extension needs no JSON library. Stateless and thread-safe.
 */
public final class ProblemDetails {

    /** The media type of a problem details document. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemDetails() {
    }

    /**
     * A problem details document of type {@code about:blank}.
     *
     * @param status the HTTP status it goes with
     * @param title the status's short, fixed summary, for example {@code Service Unavailable}
     * @param detail what happened to this request
     * @return the JSON document
     */
    public static String json(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"title\":" + quoted(title) + ",\"status\":" + status
                + ",\"detail\":" + quoted(detail) + "}";
    }

    /**
     * A 503 Service Unavailable document.
     *
     * @param detail what happened to this request
     * @return the JSON document
     */
    public static String unavailable(String detail) {
        return json(503, "Service Unavailable", detail);
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
