package dev.gwc.bench;

import dev.gwc.pipeline.Compiler;
import dev.gwc.pipeline.Options;
import dev.gwc.sim.GatewayTable;
import dev.gwc.sim.HeaderList;
import dev.gwc.sim.Request;
import dev.gwc.sim.RequestFile;
import dev.gwc.sim.RoutingTable;
import dev.gwc.sim.Simulator;
import dev.gwc.source.Inputs;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * Route lookups per second ({@link Simulator#lookup}: listener, virtual host, rule and weighted
 * backend, no filters or trace) on the routing table of a {@code gen-corpus.py} corpus, with that
 * corpus's own request file, every request in turn. The score is lookups per second on one thread.
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
    Path out = Path.of(System.getenv().getOrDefault("GWC_BENCH_OUT", "bench/out"));
    String size = routes % 1000 == 0 ? routes / 1000 + "k" : Integer.toString(routes);
    Path corpus = out.resolve("corpus-" + size);
    Path file = out.resolve("corpus-" + size + ".requests.jsonl");
    InputStream none = InputStream.nullInputStream();
    RoutingTable table =
        RoutingTable.build(
            Compiler.create(new Options("1.6.1", "standard", List.of(), "default", false), none)
                .compileRoutes(Inputs.collect(List.of(corpus.toString())), none));
    List<GatewayTable> gs = new ArrayList<>();
    List<Request> rs = new ArrayList<>();
    // Each request goes to the Gateway that accepts it, as gwc simulate --requests sends it.
    for (RequestFile.Entry e :
        RequestFile.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8))) {
      for (GatewayTable g : table.gateways()) {
        if (g.accepts(e.request())) {
          gs.add(g);
          rs.add(e.request());
          break;
        }
      }
    }
    if (rs.isEmpty()) {
      throw new IllegalStateException("no request of " + file + " reaches a listener");
    }
    int n = limit > 0 ? Math.min(limit, rs.size()) : rs.size();
    gateways = gs.subList(0, n).toArray(new GatewayTable[0]);
    requests = new Request[n];
    // Copies, one request's objects next to each other, as a replay meets each request just after
    // reading it (not scattered among the garbage of parsing the file).
    for (int i = 0; i < n; i++) {
      requests[i] = copy(rs.get(i));
    }
    rs.clear();
    System.gc();
  }

  private static Request copy(Request r) {
    List<HeaderList.Header> headers = new ArrayList<>();
    for (HeaderList.Header h : r.headers().entries()) {
      headers.add(new HeaderList.Header(new String(h.name()), new String(h.value())));
    }
    return new Request(
        new String(r.method()),
        new String(r.scheme()),
        new String(r.host()),
        r.port(),
        new String(r.path()),
        r.query() == null ? null : new String(r.query()),
        new HeaderList(headers),
        HeaderList.EMPTY);
  }

  /** {@value #BATCH} lookups of consecutive requests of the file. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void lookup(Blackhole bh) {
    int i = next;
    for (int n = 0; n < BATCH; n++) {
      bh.consume(Simulator.lookup(gateways[i], requests[i], 0));
      i = i + 1 == requests.length ? 0 : i + 1;
    }
    next = i;
    lookups += BATCH;
  }
}
