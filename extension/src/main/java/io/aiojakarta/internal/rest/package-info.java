/**
 * Aiojakarta internals (Jakarta REST integration). No stability guarantee: applications use the
 * API in {@code io.aiojakarta} only.
 */
package io.aiojakarta.internal.rest;
