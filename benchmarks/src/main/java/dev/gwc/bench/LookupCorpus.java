package dev.gwc.bench;

import dev.gwc.pipeline.Compiler;
import dev.gwc.pipeline.Options;
import dev.gwc.sim.ListenerChoice;
import dev.gwc.source.Inputs;
import dev.gwc.table.GatewayTable;
import dev.gwc.table.HeaderList;
import dev.gwc.table.Request;
import dev.gwc.table.RoutingTable;
import dev.gwc.traffic.RequestFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code gen-corpus.py} corpus's routing table and the requests of its request file that reach a
 * listener, each with the Gateway that accepts it (as {@code gwc simulate --requests} sends it).
 *
 * @param table the routing table
 * @param gateways per request, its Gateway's table
 * @param requests the requests, copied so that one request's objects lie next to each other, as a
 *     replay meets each request just after reading it (not among the garbage of parsing the file)
 */
public record LookupCorpus(RoutingTable table, GatewayTable[] gateways, Request[] requests) {

  /**
   * Loads {@code out/corpus-<size>} and {@code out/corpus-<size>.requests.jsonl}.
   *
   * @param routes 100, 1000 or 10000 (size {@code 100}, {@code 1k}, {@code 10k})
   * @param limit only the first this many requests (0: all)
   */
  public static LookupCorpus load(Path out, int routes, int limit) throws IOException {
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
    for (RequestFile.Entry e : RequestFile.read(Files.readString(file, StandardCharsets.UTF_8))) {
      if (!e.readable()) {
        continue;
      }
      for (GatewayTable g : table.gateways()) {
        if (ListenerChoice.accepts(g, e.request())) {
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
    Request[] requests = new Request[n];
    for (int i = 0; i < n; i++) {
      requests[i] = copy(rs.get(i));
    }
    return new LookupCorpus(table, gs.subList(0, n).toArray(new GatewayTable[0]), requests);
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
}
