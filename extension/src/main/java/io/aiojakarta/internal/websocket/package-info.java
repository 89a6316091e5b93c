/**
 * Aiojakarta internals (Jakarta WebSocket integration). No stability guarantee: applications use
 * the API in {@code io.aiojakarta} only.
 */
package io.aiojakarta.internal.websocket;
