/**
 * Jakarta Security with asynchronous lookups: {@link io.aiojakarta.security.AsyncIdentityStore}.
 * Needs Jakarta Security (any Jakarta EE server); nothing here loads without it.
 */
package io.aiojakarta.security;
