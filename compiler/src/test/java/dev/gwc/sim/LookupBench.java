package dev.gwc.sim;

import dev.gwc.pipeline.Compiler;
import dev.gwc.pipeline.Options;
import dev.gwc.source.Inputs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Routing-table throughput, for {@code bench/simulate.sh} (not a test): compiles a corpus, builds
 * the table, then routes the requests of a JSON Lines file in rounds of a million lookups, with
 * {@link Simulator#lookup} (the table alone) and {@link Simulator#simulate} (filters, result).
 *
 * <p>Usage: {@code LookupBench CORPUS REQUESTS.jsonl [ROUNDS]}.
 */
public final class LookupBench {
  private LookupBench() {}

  public static void main(String[] args) throws IOException {
    InputStream none = InputStream.nullInputStream();
    long t0 = System.nanoTime();
    RoutingTable table =
        RoutingTable.build(
            Compiler.create(new Options("1.6.1", "standard", List.of(), "default", false), none)
                .compile(Inputs.collect(List.of(args[0])), none));
    long t1 = System.nanoTime();
    List<GatewayTable> gateways = new ArrayList<>();
    List<Request> requests = new ArrayList<>();
    Path file = Path.of(args[1]);
    for (RequestFile.Entry e :
        RequestFile.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8))) {
      for (GatewayTable g : table.gateways()) {
        if (g.accepts(e.request())) {
          gateways.add(g);
          requests.add(e.request());
          break;
        }
      }
    }
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "compile and table: %.1f s; %d requests reach a listener%n",
            (t1 - t0) / 1e9,
            requests.size()));
    for (String mode : List.of("lookup", "simulate")) {
      for (int round = 0; round < rounds; round++) {
        long start = System.nanoTime();
        int routed = 0;
        for (int n = 0; n < 1_000_000; n++) {
          int i = n % requests.size();
          boolean hit =
              mode.equals("lookup")
                  ? Simulator.lookup(gateways.get(i), requests.get(i), 0) != null
                  : Simulator.simulate(table, gateways.get(i), requests.get(i), 0, false).route()
                      != null;
          routed += hit ? 1 : 0;
        }
        double secs = (System.nanoTime() - start) / 1e9;
        out.append(
            String.format(
                Locale.ROOT,
                "%s round %d: %.0f lookups/s (%d routed)%n",
                mode,
                round + 1,
                1_000_000 / secs,
                routed));
      }
    }
    System.out.print(out);
  }
}
