package dev.gwc.bench;

import dev.gwc.sim.Simulator;
import dev.gwc.table.GatewayTable;
import dev.gwc.table.Request;
import dev.gwc.table.RoutingTable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Requests simulated per second as {@code gwc simulate --requests} simulates each line ({@link
 * Simulator#simulate} with its trace: listener, virtual host, rule, filters, weighted backend) on
 * the routing table of a {@code gen-corpus.py} corpus, with that corpus's own request file, every
 * request in turn. The score is lookups per second on one thread.
 *
 * <p>The corpora are read from {@code $GWC_BENCH_OUT/corpus-<size>} and {@code
 * corpus-<size>.requests.jsonl} (size {@code 100}, {@code 1k}, {@code 10k}; default folder {@code
 * bench/out}); {@code bench/jmh.sh} generates them and runs this benchmark.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx4g", "-Xss16m"})
public class LookupBenchmark {
  private static final int BATCH = 1024;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** The number of HTTPRoutes in the corpus. */
  @Param({"100", "1000", "10000"})
  public int routes;

  /** Only the first this many requests that reach a listener (0: all), for cache-hot runs. */
  @Param("0")
  public int limit;

  private RoutingTable table;
  private GatewayTable[] gateways;
  private Request[] requests;
  private int next;
  private long lookups;
  private long cpuStart;

  /** Starts counting the CPU time of the iteration. */
  @Setup(Level.Iteration)
  public void startIteration() {
    lookups = 0;
    cpuStart = THREADS.getCurrentThreadCpuTime();
  }

  /**
   * Prints the iteration's lookups per CPU second of the benchmark thread: on a shared machine the
   * score (per wall second) falls with the load, this much less.
   */
  @TearDown(Level.Iteration)
  public void endIteration() {
    long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
    if (cpu > 0) {
      System.out.printf(
          Locale.ROOT, "  [%d routes: %.0f lookups per CPU second]%n", routes, lookups * 1e9 / cpu);
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    LookupCorpus corpus =
        LookupCorpus.load(
            Path.of(System.getenv().getOrDefault("GWC_BENCH_OUT", "bench/out")), routes, limit);
    table = corpus.table();
    gateways = corpus.gateways();
    requests = corpus.requests();
    System.gc();
  }

  /** {@value #BATCH} simulations of consecutive requests of the file. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void lookup(Blackhole bh) {
    int i = next;
    for (int n = 0; n < BATCH; n++) {
      bh.consume(Simulator.simulate(table, gateways[i], requests[i], 0, true));
      i = i + 1 == requests.length ? 0 : i + 1;
    }
    next = i;
    lookups += BATCH;
  }
}
