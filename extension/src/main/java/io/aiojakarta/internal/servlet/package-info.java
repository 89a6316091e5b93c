/**
 * Aiojakarta internals (servlet container integration). No stability guarantee: applications use
 * the API in {@code io.aiojakarta} only.
 */
package io.aiojakarta.internal.servlet;
