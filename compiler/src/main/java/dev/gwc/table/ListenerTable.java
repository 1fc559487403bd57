package dev.gwc.table;

import dev.gwc.graph.Hostnames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes attached to one listener, indexed by hostname (exact names by hash, wildcards by
 * suffix), each hostname's routes indexed by path.
 */
public final class ListenerTable {
  public final String name;
  public final String protocol;
  public final int port;
  public final String hostname;
  public final String rejected;
  public final boolean byPort;

  /** Whether the listener routes by HTTP (HTTP, HTTPS), rather than by SNI or port alone. */
  public final boolean http;

  /**
   * The ListenerSet ({@code namespace/name}) the listener comes from, or null for the Gateway's.
   */
  final String listenerSet;

  // toString(), built once: traces name the listener in every replayed request's result.
  private final String label;
  // Wildcard hosts, longest suffix first: a few are scanned faster than one hash lookup per label.
  private VirtualHost[] wildcards = new VirtualHost[0];
  private final Map<String, VirtualHost> exact = new HashMap<>();
  private final Map<String, VirtualHost> wildcard = new HashMap<>();
  private final RegionMap<VirtualHost> wildcardIndex = new RegionMap<>();
  private VirtualHost any;

  /**
   * @param name the listener's name
   * @param protocol its protocol
   * @param port its port
   * @param hostname its hostname, or null
   * @param rejected why it does not serve traffic (not accepted, conflicted), or null
   * @param listenerSet the ListenerSet it comes from ({@code namespace/name}), or null
   */
  ListenerTable(
      String name,
      String protocol,
      int port,
      String hostname,
      String rejected,
      String listenerSet) {
    this.name = name;
    this.protocol = protocol;
    this.port = port;
    this.hostname = hostname;
    this.rejected = rejected;
    this.listenerSet = listenerSet;
    this.byPort = protocol.equals("TCP") || protocol.equals("UDP");
    this.http = protocol.equals("HTTP") || protocol.equals("HTTPS");
    this.label =
        "listener '"
            + name
            + "'"
            + (listenerSet == null ? "" : " of ListenerSet '" + listenerSet + "'")
            + " ("
            + protocol
            + " "
            + port
            + ", hostname "
            + display()
            + ")";
  }

  /** The virtual host for a hostname ({@code null} for any host), created on first use. */
  VirtualHost host(String host) {
    if (host == null) {
      if (any == null) {
        any = new VirtualHost(null, this);
      }
      return any;
    }
    if (host.startsWith("*.")) {
      return wildcard.computeIfAbsent(host.substring(1), k -> new VirtualHost(host, this));
    }
    return exact.computeIfAbsent(host, h -> new VirtualHost(h, this));
  }

  /** Indexes the wildcard hosts; the virtual hosts themselves are sealed by the caller. */
  void seal() {
    List<VirtualHost> w = new ArrayList<>(wildcard.values());
    w.sort((a, b) -> Integer.compare(b.hostname.length(), a.hostname.length()));
    wildcards = w.toArray(new VirtualHost[0]);
    wildcard.forEach(wildcardIndex::put);
  }

  /** The hostnames of the attached routes (exact names and wildcards), sorted. */
  List<String> routeHostnames() {
    java.util.TreeSet<String> out = new java.util.TreeSet<>(exact.keySet());
    wildcard.values().forEach(v -> out.add(v.hostname));
    return List.copyOf(out);
  }

  /** The listener's virtual hosts, to be sealed. */
  List<VirtualHost> virtualHosts() {
    List<VirtualHost> out = new ArrayList<>(exact.values());
    out.addAll(wildcard.values());
    if (any != null) {
      out.add(any);
    }
    return out;
  }

  /**
   * The virtual hosts whose hostname matches {@code host}, most specific first: the exact name,
   * then wildcards from the longest suffix, then the catch-all.
   */
  public List<VirtualHost> hostsFor(String host) {
    List<VirtualHost> out = new ArrayList<>(2);
    VirtualHost e = exact.get(host);
    if (e != null) {
      out.add(e);
    }
    if (wildcards.length <= 8) {
      for (VirtualHost w : wildcards) {
        if (Hostnames.wildcardMatches(w.hostname, host)) {
          out.add(w);
        }
      }
    } else {
      // A wildcard needs a label before its suffix, as above; the longest suffix comes first.
      for (int dot = host.indexOf('.', 1); dot > 0; dot = host.indexOf('.', dot + 1)) {
        VirtualHost w = wildcardIndex.get(host, dot, host.length());
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
  public int hostnameRank(String host) {
    if (hostname == null) {
      return 0;
    }
    if (hostname.equals(host)) {
      return 2;
    }
    return Hostnames.wildcardMatches(hostname, host) ? 1 : -1;
  }

  /** Whether the listener routes by HTTP (HTTP, HTTPS), rather than by SNI or port alone. */
  public boolean http() {
    return http;
  }

  /** What a trace calls it: {@code listener 'name' (HTTPS 443, hostname '*.example.com')}. */
  @Override
  public String toString() {
    return label;
  }

  String display() {
    return hostname == null ? "any" : "'" + hostname + "'";
  }
}
