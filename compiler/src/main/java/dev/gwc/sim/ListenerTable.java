package dev.gwc.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes attached to one listener, indexed by hostname (exact names by hash, wildcards by
 * suffix), each hostname's routes indexed by path.
 */
public final class ListenerTable {
  final String name;
  final String protocol;
  final int port;
  final String hostname;
  final String rejected;
  final boolean byPort;
  // Wildcard hosts, longest suffix first: a few are scanned faster than one hash lookup per label.
  private List<VirtualHost> wildcards = List.of();
  private final Map<String, VirtualHost> exact = new HashMap<>();
  private final Map<String, VirtualHost> wildcard = new HashMap<>();
  private VirtualHost any;

  /**
   * @param name the listener's name
   * @param protocol its protocol
   * @param port its port
   * @param hostname its hostname, or null
   * @param rejected why it does not serve traffic (not accepted, conflicted), or null
   */
  ListenerTable(String name, String protocol, int port, String hostname, String rejected) {
    this.name = name;
    this.protocol = protocol;
    this.port = port;
    this.hostname = hostname;
    this.rejected = rejected;
    this.byPort = protocol.equals("TCP") || protocol.equals("UDP");
  }

  /** The virtual host for a hostname ({@code null} for any host), created on first use. */
  VirtualHost host(String host) {
    if (host == null) {
      if (any == null) {
        any = new VirtualHost(null);
      }
      return any;
    }
    if (host.startsWith("*.")) {
      return wildcard.computeIfAbsent(host.substring(1), k -> new VirtualHost(host));
    }
    return exact.computeIfAbsent(host, VirtualHost::new);
  }

  void seal() {
    List<VirtualHost> w = new ArrayList<>(wildcard.values());
    w.sort((a, b) -> Integer.compare(b.hostname.length(), a.hostname.length()));
    wildcards = List.copyOf(w);
    exact.values().forEach(VirtualHost::seal);
    wildcard.values().forEach(VirtualHost::seal);
    if (any != null) {
      any.seal();
    }
  }

  /**
   * The virtual hosts whose hostname matches {@code host}, most specific first: the exact name,
   * then wildcards from the longest suffix, then the catch-all.
   */
  List<VirtualHost> hostsFor(String host) {
    List<VirtualHost> out = new ArrayList<>(2);
    VirtualHost e = exact.get(host);
    if (e != null) {
      out.add(e);
    }
    if (wildcards.size() <= 8) {
      for (VirtualHost w : wildcards) {
        int suffix = w.hostname.length() - 1; // ".example.com" of "*.example.com"
        if (host.length() > suffix
            && host.regionMatches(host.length() - suffix, w.hostname, 1, suffix)) {
          out.add(w);
        }
      }
    } else {
      for (int dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
        VirtualHost w = wildcard.get(host.substring(dot));
        if (w != null) {
          out.add(w);
        }
      }
    }
    if (any != null) {
      out.add(any);
    }
    return out;
  }

  /** The listener's hostname matches a request host: exact 2, wildcard 1, none 0; -1 no match. */
  int hostnameRank(String host) {
    if (hostname == null) {
      return 0;
    }
    if (hostname.equals(host)) {
      return 2;
    }
    if (hostname.startsWith("*.")) {
      String suffix = hostname.substring(1);
      return host.endsWith(suffix) && host.length() > suffix.length() ? 1 : -1;
    }
    return -1;
  }

  /** Whether the listener routes by HTTP (HTTP, HTTPS), rather than by SNI or port alone. */
  boolean http() {
    return protocol.equals("HTTP") || protocol.equals("HTTPS");
  }

  @Override
  public String toString() {
    return "listener '" + name + "' (" + protocol + " " + port + ", hostname " + display() + ")";
  }

  String display() {
    return hostname == null ? "any" : "'" + hostname + "'";
  }
}
