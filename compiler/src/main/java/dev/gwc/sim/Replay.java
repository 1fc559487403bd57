package dev.gwc.sim;

import dev.gwc.table.GatewayTable;
import dev.gwc.table.HeaderList;
import dev.gwc.table.Request;
import dev.gwc.table.RoutingTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends requests to the Gateways of a table: to the one given, or else to every Gateway with a
 * listener on the request's port.
 *
 * @param table the routing table
 * @param only the Gateway to send to, or null for every Gateway with a listener on the port
 * @param seed the seed of weighted choices
 */
public record Replay(RoutingTable table, GatewayTable only, long seed) {

  /** One result per Gateway the request goes to (one when none has a listener on the port). */
  public List<Result> all(Request req) {
    List<GatewayTable> gws = new ArrayList<>();
    if (only != null) {
      gws.add(only);
    } else {
      for (GatewayTable g : table.gateways()) {
        if (g.hasPort(req.port())) {
          gws.add(g);
        }
      }
    }
    if (gws.isEmpty()) {
      return List.of(noGateway(req));
    }
    List<Result> out = new ArrayList<>();
    for (GatewayTable g : gws) {
      out.add(Simulator.simulate(table, g, req, seed, true));
    }
    return out;
  }

  /**
   * One result: at the named Gateway ({@code ns/name}, or null), else at the first Gateway whose
   * listener accepts the request, else as {@link #all} reports the first.
   */
  public Result one(String gateway, Request req) {
    if (gateway != null) {
      int slash = gateway.indexOf('/');
      GatewayTable g =
          table.gateway(gateway.substring(0, Math.max(0, slash)), gateway.substring(slash + 1));
      if (g != null) {
        return Simulator.simulate(table, g, req, seed, true);
      }
    }
    if (only == null) {
      for (GatewayTable g : table.gateways()) {
        if (ListenerChoice.accepts(g, req)) {
          return Simulator.simulate(table, g, req, seed, true);
        }
      }
    }
    return all(req).get(0);
  }

  private static Result noGateway(Request req) {
    return new Result(
        null,
        null,
        null,
        404,
        null,
        List.of(),
        null,
        HeaderList.EMPTY,
        null,
        List.of(),
        List.of("no Gateway in the input has a listener on port " + req.port() + ": 404"));
  }
}
