/**
 * The contract between Aiojakarta's two jars: what the view mappers of
 * {@code aiojakarta-interceptors} use of {@code aiojakarta-extension}. Stable between jars of the
 * same version; applications never need it.
 */
package io.aiojakarta.spi;
