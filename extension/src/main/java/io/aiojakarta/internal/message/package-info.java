/**
 * Every user-facing message of Aiojakarta, one JBoss Logging interface per area, each message with
 * its stable id ({@code AIOJ-nnnn}, searchable in logs and in the message table of
 * {@code docs/internals.md}). The hundreds of an id name its area, and each interface declares its
 * range: deployment (01), configuration (02), use of the API (03), capacity (04), the runtime's log
 * (05), WebSockets (06), cancelled work (07). The implementations are generated at build time by
 * {@code jboss-logging-processor}; the JBoss Logging runtime travels inside the extension jar, so
 * that no server needs to offer it. Nothing else in the code writes an id.
 */
package io.aiojakarta.internal.message;
