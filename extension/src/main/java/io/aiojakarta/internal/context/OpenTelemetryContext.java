package io.aiojakarta.internal.context;

import io.aiojakarta.internal.ClassPresence;
import io.opentelemetry.context.Context;
import java.util.Optional;

/**
 * Carries the OpenTelemetry context (the current span, baggage) with every hop, where the
 * application or the server has OpenTelemetry ({@code io.opentelemetry.context.Context} visible to
 * Aiojakarta): a span a coroutine, greenlet or executor body starts is a child of the span that was
 * current where the body was called, and a continuation sees the span that was current where it
 * was registered. Without OpenTelemetry nothing is captured and no OpenTelemetry class is loaded.
 * Stateless and thread-safe.
 */
final class OpenTelemetryContext {

    /** Whether OpenTelemetry's context API is visible; nothing below is loaded otherwise. */
    static final boolean PRESENT = ClassPresence.visible("io.opentelemetry.context.Context");

    private OpenTelemetryContext() {
    }

    /**
     * Captures the calling thread's OpenTelemetry context.
     *
     * @return the part, or empty without OpenTelemetry or when no context is current (the root)
     */
    static Optional<ContextSnapshot.Part> capture() {
        return PRESENT ? Carried.capture() : Optional.empty();
    }

    /**
     * The snapshot to hand on from a hop: the hop's own, unless the code running there made
     * another OpenTelemetry context current (a span of its own); then the same snapshot carrying
     * that context instead.
     *
     * @param applied the snapshot applied on the calling thread
     * @return {@code applied}, or a copy with the calling thread's OpenTelemetry context
     */
    static ContextSnapshot follow(ContextSnapshot applied) {
        return PRESENT ? Carried.follow(applied) : applied;
    }

    /** The OpenTelemetry side, loaded only when its API is visible. */
    private record Carried(Context context) implements ContextSnapshot.Part {

        static Optional<ContextSnapshot.Part> capture() {
            Context current = Context.current();
            return current == Context.root() ? Optional.empty() : Optional.of(new Carried(current));
        }

        static ContextSnapshot follow(ContextSnapshot applied) {
            Context current = Context.current();
            Carried carried = applied.part(Carried.class);
            Context before = carried == null ? Context.root() : carried.context;
            if (current == before) {
                return applied;
            }
            return applied.replacing(Carried.class, current == Context.root() ? null : new Carried(current));
        }

        @Override
        public ContextSnapshot.Scope restore() {
            return context.makeCurrent()::close;
        }
    }
}
