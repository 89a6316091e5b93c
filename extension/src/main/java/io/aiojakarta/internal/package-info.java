/**
 * Aiojakarta's internals: the portable extension, the event loop, the executor, greenlets, context
 * propagation and configuration. No stability guarantee: these types may change in any release;
 * applications use the API in {@code io.aiojakarta} only.
 */
package io.aiojakarta.internal;
