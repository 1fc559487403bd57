package dev.gwc.table;

import dev.gwc.concurrent.Parallel;
import dev.gwc.graph.Condition;
import dev.gwc.graph.Hostnames;
import dev.gwc.graph.Nodes.ListenerNode;
import dev.gwc.graph.Resolution;
import dev.gwc.pipeline.Compiled;
import dev.gwc.pipeline.Report;
import dev.gwc.resource.Manifest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The routing table of a compiled set: per Gateway and listener, the rules of the routes that the
 * graph stage attached to it (and nothing else), indexed by hostname and path. Immutable once
 * built; {@link Simulator} sends requests through it.
 */
public final class RoutingTable {
  private final Map<String, GatewayTable> gateways;
  private final List<GatewayTable> sorted;
  private final List<String> notes;
  private final Set<String> services;
  private final List<TlsListener> tls;

  private RoutingTable(
      Map<String, GatewayTable> gateways,
      List<String> notes,
      Set<String> services,
      List<TlsListener> tls) {
    this.gateways = gateways;
    this.sorted = List.copyOf(gateways.values());
    this.notes = List.copyOf(notes);
    this.services = Set.copyOf(services);
    this.tls = List.copyOf(tls);
  }

  /** The listeners that terminate TLS and serve traffic, in Gateway order. */
  public List<TlsListener> tlsListeners() {
    return tls;
  }

  /**
   * The Services ({@code namespace/name}) that the rules of attached routes send to, as backends or
   * mirrors.
   */
  public Set<String> backendServices() {
    return services;
  }

  /** Every Gateway, sorted by {@code namespace/name}. */
  public List<GatewayTable> gateways() {
    return sorted;
  }

  /** A Gateway by namespace and name, or null. */
  public GatewayTable gateway(String namespace, String name) {
    return gateways.get(namespace + "/" + name);
  }

  /** What could not be put into the table (e.g. patterns that are not RE2), for the trace. */
  public List<String> notes() {
    return notes;
  }

  /** Builds the table from what the compiler resolved. */
  public static RoutingTable build(Report report) {
    IdentityHashMap<Manifest, Object> values = new IdentityHashMap<>();
    Set<String> services = new HashSet<>();
    for (Compiled c : report.compiled()) {
      Manifest m = c.manifest();
      if (c.value() != null) {
        values.put(m, c.value());
      }
      if (m.group().isEmpty() && "Service".equals(m.kind())) {
        services.add(m.namespace() + "/" + m.name());
      }
    }
    Resolution resolution = report.resolution();
    IdentityHashMap<ListenerNode, ListenerTable> listeners = new IdentityHashMap<>();
    Map<String, GatewayTable> gateways = new TreeMap<>();
    for (Resolution.GatewayResult g : resolution.gateways()) {
      List<ListenerTable> ls = new ArrayList<>();
      for (Resolution.ListenerResult l : g.listeners()) {
        ls.add(listener(l, null, listeners));
      }
      // The listeners of its accepted ListenerSets follow, in the order the Gateway merges them.
      for (Resolution.ListenerSetResult set : resolution.listenerSets()) {
        if (set.gateway() == g.node() && set.accepted()) {
          String display = set.node().namespace() + "/" + set.node().name();
          for (Resolution.ListenerResult l : set.listeners()) {
            ls.add(listener(l, display, listeners));
          }
        }
      }
      GatewayTable gt = new GatewayTable(g.node().namespace(), g.node().name(), ls);
      gateways.put(gt.display(), gt);
    }
    // Reading the routes (their matches, filters and backends) is independent route by route: on
    // every core; they enter the listeners in order.
    RouteReader reader = new RouteReader(services);
    List<Resolution.RouteResult> routes = resolution.routes();
    ParsedRoute[] parsed = new ParsedRoute[routes.size()];
    Parallel.forEach(
        parsed.length,
        i -> {
          Resolution.RouteResult rr = routes.get(i);
          Object value = values.get(rr.node().manifest());
          if (value != null) {
            Map<String, String> invalid = new HashMap<>();
            rr.invalidBackends().forEach((path, c) -> invalid.put(path, describe(c)));
            Map<Integer, String> dropped = new HashMap<>();
            rr.node().invalidRules().forEach((rule, p) -> dropped.put(rule, p.message()));
            parsed[i] =
                reader.read(
                    rr.node().kind(),
                    rr.node().namespace(),
                    rr.node().name(),
                    value,
                    invalid,
                    dropped);
          }
        });
    List<String> notes = new ArrayList<>();
    Set<String> sentTo = new TreeSet<>();
    for (int i = 0; i < parsed.length; i++) {
      Resolution.RouteResult rr = routes.get(i);
      ParsedRoute route = parsed[i];
      if (route == null) {
        continue;
      }
      notes.addAll(route.problems());
      for (Resolution.ParentResult p : rr.parents()) {
        if (!p.accepted().isTrue()) {
          continue;
        }
        for (ListenerNode l : p.listeners()) {
          ListenerTable t = listeners.get(l);
          if (t != null) {
            insert(route, t);
            route.rules().forEach(rule -> addServices(rule, sentTo));
          }
        }
      }
    }
    listeners.values().forEach(ListenerTable::seal);
    // Compiling each host's index (its path patterns' automata among it) is most of sealing, and
    // the hosts are independent: on every core.
    List<VirtualHost> hosts =
        listeners.values().stream().flatMap(l -> l.virtualHosts().stream()).toList();
    Parallel.forEach(hosts.size(), i -> hosts.get(i).seal());
    List<TlsListener> tls = new ArrayList<>();
    for (Resolution.GatewayResult g : resolution.gateways()) {
      String gateway = g.node().namespace() + "/" + g.node().name();
      for (Resolution.ListenerResult l : g.listeners()) {
        ListenerTable t = listeners.get(l.node());
        tlsListener(gateway, l.node(), t).ifPresent(tls::add);
      }
    }
    return new RoutingTable(gateways, notes, sentTo, tls);
  }

  private static java.util.Optional<TlsListener> tlsListener(
      String gateway, ListenerNode n, ListenerTable t) {
    boolean terminates =
        "HTTPS".equals(n.protocol()) && (n.tlsMode() == null || "Terminate".equals(n.tlsMode()));
    if (!terminates || t == null || t.rejected != null) {
      return java.util.Optional.empty();
    }
    List<String> refs = new ArrayList<>();
    for (var ref : n.certificateRefs()) {
      if ((ref.group() == null || ref.group().isEmpty())
          && (ref.kind() == null || "Secret".equals(ref.kind()))) {
        refs.add(ref.namespace() + "/" + ref.name());
      }
    }
    return java.util.Optional.of(
        new TlsListener(gateway, n.name(), n.port(), n.hostname(), refs, t.routeHostnames()));
  }

  private static void addServices(RouteRule rule, Set<String> out) {
    List<BackendRef> refs = new ArrayList<>(rule.backends());
    for (BackendRef b : rule.backends()) {
      b.filters().forEach(f -> addMirror(f, refs));
    }
    rule.filters().forEach(f -> addMirror(f, refs));
    for (BackendRef b : refs) {
      if (b.group().isEmpty() && "Service".equals(b.kind())) {
        out.add(b.namespace() + "/" + b.name());
      }
    }
  }

  private static void addMirror(Filter f, List<BackendRef> out) {
    if (f instanceof Filter.Mirror m) {
      out.add(m.backend());
    }
  }

  private static ListenerTable listener(
      Resolution.ListenerResult l,
      String listenerSet,
      IdentityHashMap<ListenerNode, ListenerTable> listeners) {
    ListenerNode n = l.node();
    ListenerTable t =
        new ListenerTable(n.name(), n.protocol(), n.port(), n.hostname(), rejected(l), listenerSet);
    listeners.put(n, t);
    return t;
  }

  private static String describe(Condition c) {
    return c.reason() + ": " + c.message();
  }

  private static String rejected(Resolution.ListenerResult l) {
    for (Condition c : l.conditions()) {
      if (c.type().equals("Accepted") && !c.isTrue()) {
        return "not accepted (" + c.reason() + ")";
      }
      if (c.type().equals("Conflicted") && c.isTrue()) {
        return "conflicted (" + c.reason() + ")";
      }
    }
    return null;
  }

  private static void insert(ParsedRoute route, ListenerTable t) {
    for (String host : effectiveHostnames(t.hostname, route.hostnames())) {
      VirtualHost vh = t.host(host);
      for (RouteRule rule : route.rules()) {
        switch (route.id().kind()) {
          case "HTTPRoute" -> {
            List<HttpMatch> ms = route.httpMatches().get(rule.index());
            for (int j = 0; j < ms.size(); j++) {
              vh.add(new Candidates.Http(rule, j, ms.get(j)));
            }
          }
          case "GRPCRoute" -> {
            List<GrpcMatch> ms = route.grpcMatches().get(rule.index());
            for (int j = 0; j < ms.size(); j++) {
              vh.add(new Candidates.Grpc(rule, j, ms.get(j)));
            }
          }
          default -> vh.add(rule);
        }
      }
    }
  }

  /**
   * The hostnames a route serves on a listener: each route hostname that intersects the listener's,
   * narrowed to the more specific of the two; the listener's when the route has none.
   */
  static List<String> effectiveHostnames(String listener, List<String> route) {
    if (route.isEmpty()) {
      return java.util.Collections.singletonList(listener);
    }
    List<String> out = new ArrayList<>();
    for (String h : route) {
      if (listener == null) {
        out.add(h);
      } else if (Hostnames.intersect(listener, h)) {
        out.add(narrower(listener, h));
      }
    }
    return List.copyOf(new java.util.LinkedHashSet<>(out));
  }

  private static String narrower(String a, String b) {
    boolean wa = a.startsWith("*.");
    boolean wb = b.startsWith("*.");
    if (wa != wb) {
      return wa ? b : a;
    }
    return a.length() >= b.length() ? a : b;
  }
}
