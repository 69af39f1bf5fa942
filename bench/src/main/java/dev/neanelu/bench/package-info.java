/**
 * Benchmarks run by hand ({@code bench/fairness.sh}), not by the build: plain Java over the application's own classes.
 */
package dev.neanelu.bench;
