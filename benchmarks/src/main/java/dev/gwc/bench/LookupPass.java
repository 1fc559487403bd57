package dev.gwc.bench;

import dev.gwc.sim.Simulator;
import dev.gwc.table.GatewayTable;
import dev.gwc.table.Request;
import dev.gwc.table.RoutingTable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

/**
 * Passes over every request of a corpus, each simulated as {@code gwc simulate --requests}
 * simulates a line (with its trace, {@link Simulator#simulate}), timed in CPU time; what {@link
 * SameJvmComparison} runs for each of two builds, loaded side by side.
 */
public final class LookupPass {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private final RoutingTable table;
  private final GatewayTable[] gateways;
  private final Request[] requests;

  /** The last pass's number of routed requests (keeps the lookups' results alive). */
  public int routed;

  public LookupPass(String out, int routes) throws IOException {
    LookupCorpus corpus = LookupCorpus.load(Path.of(out), routes, 0);
    table = corpus.table();
    gateways = corpus.gateways();
    requests = corpus.requests();
  }

  /** The number of lookups in a pass. */
  public int size() {
    return requests.length;
  }

  /** One pass; returns its CPU nanoseconds. */
  public long pass() {
    long start = THREADS.getCurrentThreadCpuTime();
    int n = 0;
    for (int i = 0; i < requests.length; i++) {
      if (Simulator.simulate(table, gateways[i], requests[i], 0, true).route() != null) {
        n++;
      }
    }
    long cpu = THREADS.getCurrentThreadCpuTime() - start;
    routed = n;
    return cpu;
  }
}
