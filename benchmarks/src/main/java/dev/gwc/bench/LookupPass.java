package dev.gwc.bench;

import dev.gwc.sim.GatewayTable;
import dev.gwc.sim.Request;
import dev.gwc.sim.Simulator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

/**
 * Passes of {@link Simulator#lookup} over every request of a corpus, timed in CPU time; what {@link
 * SameJvmComparison} runs for each of two builds, loaded side by side.
 */
public final class LookupPass {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private final GatewayTable[] gateways;
  private final Request[] requests;

  /** The last pass's number of routed requests (keeps the lookups' results alive). */
  public int routed;

  public LookupPass(String out, int routes) throws IOException {
    LookupCorpus corpus = LookupCorpus.load(Path.of(out), routes, 0);
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
      if (Simulator.lookup(gateways[i], requests[i], 0) != null) {
        n++;
      }
    }
    long cpu = THREADS.getCurrentThreadCpuTime() - start;
    routed = n;
    return cpu;
  }
}
