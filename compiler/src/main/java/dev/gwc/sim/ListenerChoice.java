package dev.gwc.sim;

import dev.gwc.table.GatewayTable;
import dev.gwc.table.ListenerTable;
import dev.gwc.table.Request;
import java.util.List;

/** Picks the listener of a Gateway that receives a request. */
public final class ListenerChoice {
  private ListenerChoice() {}

  /**
   * The listener on the request's port whose hostname matches best: an exact hostname, then the
   * wildcard with the longest suffix, then a listener without hostname. TCP and UDP listeners match
   * on the port alone. Listeners that are not accepted or are conflicted serve nothing.
   *
   * @return the listener, or null when none accepts the request
   */
  static ListenerTable select(GatewayTable gw, Request req, Trace trace) {
    return select(gw, req.port(), req.host(), trace);
  }

  /** {@link #select(GatewayTable, Request, Trace)} by the request's port and host alone. */
  static ListenerTable select(GatewayTable gw, int port, String host, Trace trace) {
    ListenerTable best = null;
    int bestRank = -1;
    // A few listeners are scanned faster than a map lookup by port.
    List<ListenerTable> candidates = gw.listeners().size() <= 8 ? gw.listeners() : gw.onPort(port);
    for (int i = 0; i < candidates.size(); i++) {
      ListenerTable l = candidates.get(i);
      if (l.port != port) {
        continue;
      }
      int rank = l.byPort ? 0 : l.hostnameRank(host);
      if (rank < 0 || l.rejected != null) {
        if (trace.enabled()) {
          trace.add(
              l
                  + (rank < 0
                      ? ": does not match host '" + host + "'"
                      : ": " + l.rejected + ", serves nothing"));
        }
        continue;
      }
      if (best == null
          || rank > bestRank
          || (rank == 1 && bestRank == 1 && l.hostname.length() > best.hostname.length())) {
        best = l;
        bestRank = rank;
      }
    }
    if (!trace.enabled()) {
      return best;
    }
    if (best == null) {
      trace.add(
          () ->
              "no listener of Gateway "
                  + gw.display()
                  + " on port "
                  + port
                  + " accepts host '"
                  + host
                  + "': 404");
      return null;
    }
    ListenerTable chosen = best;
    trace.add(() -> chosen + " accepts host '" + host + "'");
    return chosen;
  }

  /** Whether a listener of the Gateway accepts the request (port and hostname). */
  public static boolean accepts(GatewayTable gw, Request req) {
    return select(gw, req, Trace.off()) != null;
  }
}
