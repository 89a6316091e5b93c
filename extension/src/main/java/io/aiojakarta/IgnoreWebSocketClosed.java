package io.aiojakarta;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * On a {@link WebSocketConnection} hook (or the whole class): a {@link WebSocketClosedException}
 * that ends the hook is swallowed instead of reaching {@link WebSocketConnection#onError}, because
 * a peer that went away is expected. The counterpart of Aiopyramid's {@code ignore_websocket_closed}.
 */
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface IgnoreWebSocketClosed {
}
