package io.aiojakarta;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.inject.Stereotype;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.io.Serial;
import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * Maps a Jakarta REST resource (class or method) onto Aiojakarta's threads: the counterpart of an
 * Aiopyramid view mapper. The Aiojakarta extension installs the interceptor bound to the chosen
 * {@link Mapper}; a method-level annotation overrides the class-level one.
 *
 * <h2>Return types</h2>
 * <ul>
 *   <li>{@link Mapper#COROUTINE}: the method must return {@code CompletionStage} (or
 *       {@code CompletableFuture}) or take a {@code @Suspended AsyncResponse}. Its body runs on the
 *       {@link EventLoop}; the stage it returns is the one Jakarta REST sees, so the request is
 *       suspended and no thread waits.</li>
 *   <li>{@link Mapper#EXECUTOR} and {@link Mapper#GREENLET}: any return type; the value reaches
 *       the caller exactly as the body produced it.</li>
 *   <li>{@link Mapper#COROUTINE_OR_EXECUTOR} (the default): {@code COROUTINE} for methods returning
 *       a stage or taking {@code AsyncResponse}, {@code EXECUTOR} for the others.</li>
 * </ul>
 *
 * <h2>Exceptions</h2>
 * An exception thrown by the body, or completing its stage, reaches the caller (and so the
 * application's {@code ExceptionMapper}s) as the same exception, never wrapped in
 * {@code CompletionException} or {@code ExecutionException}.
 *
 * <h2>Deployment errors</h2>
 * {@code COROUTINE} on a method that neither returns a stage nor takes {@code @Suspended
 * AsyncResponse} fails deployment with a {@code DefinitionException} naming {@code Class#method}.
 *
 * <h2>Priority</h2>
 * The mappers run at {@code Interceptor.Priority.PLATFORM_BEFORE + 5}, as Jakarta Concurrency's
 * {@code @Asynchronous}, so that {@code @Transactional}, {@code @ActivateRequestContext} and the
 * application's own interceptors run on the target thread, inside the mapper.
 *
 * <h2>Discovery</h2>
 * The annotation is also a stereotype: a class annotated with it is a CDI bean in any bean
 * discovery mode.
 */
@InterceptorBinding
@Stereotype
@Inherited
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface AsyncView {

    /**
     * Where the body runs.
     *
     * @return the mapper; {@link Mapper#COROUTINE_OR_EXECUTOR} by default
     */
    Mapper value() default Mapper.COROUTINE_OR_EXECUTOR;

    /**
     * The time after which the request is answered with 503 and its work cancelled; overrides
     * {@code aiojakarta.timeout-millis} when positive.
     *
     * @return the timeout in milliseconds; {@code 0} for the configured default
     */
    @Nonbinding
    long timeoutMillis() default 0;

    /**
     * An instance of {@link AsyncView}, for programmatic use (adding the binding to a type from an
     * extension, resolving interceptors).
     */
    final class Literal extends AnnotationLiteral<AsyncView> implements AsyncView {

        @Serial
        private static final long serialVersionUID = 1L;

        /** The mapper, as {@link AsyncView#value()}. */
        private final Mapper value;
        /** The timeout in milliseconds, as {@link AsyncView#timeoutMillis()}. */
        private final long timeoutMillis;

        private Literal(Mapper value, long timeoutMillis) {
            this.value = Objects.requireNonNull(value, "mapper");
            this.timeoutMillis = timeoutMillis;
        }

        /**
         * Creates {@code @AsyncView(mapper)}.
         *
         * @param mapper the mapper
         * @return the literal
         */
        public static Literal of(Mapper mapper) {
            return new Literal(mapper, 0);
        }

        /**
         * Creates {@code @AsyncView(value = mapper, timeoutMillis = timeoutMillis)}.
         *
         * @param mapper the mapper
         * @param timeoutMillis the timeout in milliseconds, {@code 0} for the configured default
         * @return the literal
         */
        public static Literal of(Mapper mapper, long timeoutMillis) {
            return new Literal(mapper, timeoutMillis);
        }

        @Override
        public Mapper value() {
            return value;
        }

        @Override
        public long timeoutMillis() {
            return timeoutMillis;
        }
    }
}
