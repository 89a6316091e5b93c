/**
 * Benchmarks: the resources and server driven by {@code bench/run.sh}, the JMH micro-benchmarks,
 * and the report writer that turns the raw results into {@code docs/benchmarks.md}.
 */
package io.aiojakarta.bench;
