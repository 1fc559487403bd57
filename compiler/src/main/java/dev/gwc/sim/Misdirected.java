package dev.gwc.sim;

import dev.gwc.table.GatewayTable;
import dev.gwc.table.ListenerTable;
import dev.gwc.table.Request;

/**
 * An https request whose Host is not the TLS server name it arrived with, as when a client reuses
 * an HTTP/2 connection for another host that the same certificate covers. The server name chose the
 * listener during the handshake; the Gateway API (Listener.hostname, after RFC 6066 section 11.1
 * and RFC 7540 section 9.1.2) says what the Gateway then does with the Host, among the listeners on
 * the same port:
 *
 * <ul>
 *   <li>the chosen listener matches the Host, but another has an exact or more specific wildcard
 *       match: 421 Misdirected Request (SHOULD);
 *   <li>the chosen listener does not match the Host, another does: 421 (SHOULD);
 *   <li>no listener matches the Host: 404 (MUST).
 * </ul>
 *
 * Otherwise the request is routed on the chosen listener.
 */
final class Misdirected {
  private Misdirected() {}

  /**
   * The outcome of the check.
   *
   * @param listener the listener chosen by the server name, or null when none accepts it
   * @param status 421 or 404 when the Gateway answers at once, 0 when the request goes on
   */
  record Check(ListenerTable listener, int status) {}

  static Check check(GatewayTable gw, Request req, Trace trace) {
    String sni = req.sni();
    String host = req.host();
    ListenerTable bySni = ListenerChoice.select(gw, req.port(), sni, Trace.off());
    if (bySni == null) {
      trace.add(
          () ->
              "no listener of Gateway "
                  + gw.display()
                  + " on port "
                  + req.port()
                  + " accepts TLS server name '"
                  + sni
                  + "': the handshake fails (reported as 404)");
      return new Check(null, 404);
    }
    trace.add(() -> bySni + " accepts TLS server name '" + sni + "'");
    if (!bySni.http) {
      return new Check(bySni, 0);
    }
    ListenerTable byHost = ListenerChoice.select(gw, req.port(), host, Trace.off());
    if (bySni.hostnameRank(host) >= 0) {
      if (byHost != null && byHost != bySni) {
        trace.add(
            () ->
                "host '"
                    + host
                    + "' has a more specific listener, "
                    + byHost
                    + ", than the one server name '"
                    + sni
                    + "' chose: 421 Misdirected Request (the client should open a connection for"
                    + " this host)");
        return new Check(bySni, 421);
      }
      trace.add(() -> "host '" + host + "' is served by the same listener");
      return new Check(bySni, 0);
    }
    if (byHost != null) {
      trace.add(
          () ->
              "host '"
                  + host
                  + "' belongs to "
                  + byHost
                  + ", not to the listener server name '"
                  + sni
                  + "' chose: 421 Misdirected Request");
      return new Check(bySni, 421);
    }
    trace.add(() -> "no listener on port " + req.port() + " matches host '" + host + "': 404");
    return new Check(bySni, 404);
  }
}
