package dev.gwc.bench;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link LookupBenchmark} in a JVM whose heap is on transparent huge pages (2 MB) where Linux
 * offers them ({@code /sys/kernel/mm/transparent_hugepage/enabled} not {@code never}; elsewhere the
 * flag is ignored and this measures the same as LookupBenchmark).
 *
 * <p>With 4 KB pages a lookup in the 10,000-route table also misses the processor's address
 * translation cache (a few thousand pages; the table's hot part spans about 2,000, the stream of
 * requests many more), and each miss walks the page tables in memory; with 2 MB pages the table
 * fits in a few dozen. A long-running process that serves lookups (as {@code gwc serve} does) can
 * run this way; a short replay is better without (bench/README.md).
 */
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Xmx4g",
      "-Xss16m",
      "-XX:+IgnoreUnrecognizedVMOptions",
      "-XX:+UseTransparentHugePages"
    })
public class LookupHugePagesBenchmark extends LookupBenchmark {}
