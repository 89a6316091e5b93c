/**
 * The view mappers: CDI interceptors bound by {@link io.aiojakarta.AsyncView}, one per
 * {@link io.aiojakarta.Mapper}, at priority {@code Interceptor.Priority.PLATFORM_BEFORE + 5}.
 * They are registered by the {@code aiojakarta-interceptors} jar itself; applications never refer
 * to them directly.
 */
package io.aiojakarta.interceptors;
