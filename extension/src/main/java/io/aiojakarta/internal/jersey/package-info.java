/**
 * Aiojakarta internals (Jersey integration, loaded by Jersey alone). No stability guarantee:
 * applications use the API in {@code io.aiojakarta} only.
 */
package io.aiojakarta.internal.jersey;
