/**
 * The Aiojakarta starter application: one resource per mapper, a fan-out over the Jakarta REST
 * client, and a legacy synchronous filter that awaits a coroutine.
 */
package io.aiojakarta.example;
