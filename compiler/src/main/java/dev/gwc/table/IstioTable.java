package dev.gwc.table;

import dev.gwc.graph.Hostnames;
import dev.gwc.istio.IstioHosts;
import dev.gwc.pipeline.Compiled;
import dev.gwc.pipeline.Report;
import dev.gwc.resource.Manifest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Istio ingress gateways of a compiled set: one data plane per distinct Gateway {@code
 * selector} (the gateway workload it configures), with the servers of every Istio Gateway that
 * selects it, the VirtualServices bound to those Gateways, and what destinations resolve to
 * (Services and their ports, ServiceEntry hosts, DestinationRule subsets). Immutable once built.
 */
public final class IstioTable {
  /** What {@code --gateway} and a request line's {@code "gateway"} write to name a selector. */
  public static final String PREFIX = "istio:";

  private final Map<String, SelectorTable> selectors;
  private final Map<String, List<Integer>> servicePorts;
  private final Set<String> serviceEntryHosts;
  private final Map<String, Set<String>> subsets;

  private IstioTable(
      Map<String, SelectorTable> selectors,
      Map<String, List<Integer>> servicePorts,
      Set<String> serviceEntryHosts,
      Map<String, Set<String>> subsets) {
    this.selectors = selectors;
    this.servicePorts = servicePorts;
    this.serviceEntryHosts = serviceEntryHosts;
    this.subsets = subsets;
  }

  /**
   * A server of an Istio Gateway.
   *
   * @param gateway the Gateway
   * @param index its index in {@code servers}
   * @param port the port number
   * @param portName the port's name
   * @param protocol the port's protocol (HTTP, HTTPS, ...)
   * @param hosts its hosts as written ({@code ns/host}, {@code *}, {@code *.example.com})
   * @param httpsRedirect whether plain HTTP is answered with a redirect to HTTPS
   * @param tlsMode the server's {@code tls.mode} (SIMPLE, PASSTHROUGH, ...), or null
   * @param credentialName the Secret of its certificate ({@code tls.credentialName}), or null
   */
  public record Server(
      GatewayId gateway,
      int index,
      int port,
      String portName,
      String protocol,
      List<String> hosts,
      boolean httpsRedirect,
      String tlsMode,
      String credentialName) {
    /** Whether the server passes TLS through by server name ({@code tls[]} routes). */
    public boolean passthrough() {
      return tlsMode != null && tlsMode.endsWith("PASSTHROUGH");
    }

    /** How well the server's hosts name {@code host}: 2 exact, 1 wildcard, 0 none. */
    public int hostRank(String host) {
      int best = 0;
      for (String h : hosts) {
        String name = h.contains("/") ? h.substring(h.indexOf('/') + 1) : h;
        if (name.equals(host)) {
          return 2;
        }
        if (name.equals("*") || Hostnames.wildcardMatches(name, host)) {
          best = 1;
        }
      }
      return best;
    }

    /** Whether the server lets a VirtualService of {@code namespace} bind for {@code host}. */
    public boolean admits(String namespace, String host) {
      for (String h : hosts) {
        int slash = h.indexOf('/');
        String ns = slash < 0 ? "*" : h.substring(0, slash);
        String name = slash < 0 ? h : h.substring(slash + 1);
        boolean nsOk =
            ns.equals("*")
                || ns.equals(namespace)
                || (ns.equals(".") && namespace.equals(gateway.namespace()));
        boolean hostOk =
            name.equals("*")
                || name.equals(host)
                || Hostnames.wildcardMatches(name, host)
                || (host.startsWith("*.")
                    && name.startsWith("*.")
                    && host.endsWith(name.substring(1)));
        if (nsOk && hostOk) {
          return true;
        }
      }
      return false;
    }
  }

  /** The ingress gateway workload of one selector: its servers and the VirtualServices on them. */
  public static final class SelectorTable implements DataPlane {
    /** {@code key=value[,key=value]}, sorted. */
    public final String selector;

    private final List<Server> servers;
    private final List<IstioRoutes.VirtualService> virtualServices;
    private final IstioTable table;
    // Per Gateway: its VirtualServices, those by exact host, and those with a wildcard host.
    private final Map<GatewayId, List<IstioRoutes.VirtualService>> bound = new LinkedHashMap<>();
    private final Map<GatewayId, Map<String, List<IstioRoutes.VirtualService>>> byHost =
        new LinkedHashMap<>();
    private final Map<GatewayId, List<IstioRoutes.VirtualService>> wildcards =
        new LinkedHashMap<>();

    SelectorTable(
        String selector,
        List<Server> servers,
        List<IstioRoutes.VirtualService> virtualServices,
        IstioTable table) {
      this.selector = selector;
      this.servers = List.copyOf(servers);
      this.virtualServices = List.copyOf(virtualServices);
      this.table = table;
      for (Server s : servers) {
        GatewayId g = s.gateway();
        if (bound.containsKey(g)) {
          continue;
        }
        String id = g.namespace() + "/" + g.name();
        List<IstioRoutes.VirtualService> list = new ArrayList<>();
        Map<String, List<IstioRoutes.VirtualService>> exact = new java.util.HashMap<>();
        List<IstioRoutes.VirtualService> wild = new ArrayList<>();
        for (IstioRoutes.VirtualService v : virtualServices) {
          if (!v.gateways().contains(id)) {
            continue;
          }
          list.add(v);
          boolean wildcard = false;
          for (String h : v.hosts()) {
            if (h.startsWith("*")) {
              wildcard = true;
            } else {
              exact.computeIfAbsent(h, k -> new ArrayList<>()).add(v);
            }
          }
          if (wildcard) {
            wild.add(v);
          }
        }
        bound.put(g, List.copyOf(list));
        byHost.put(g, exact);
        wildcards.put(g, List.copyOf(wild));
      }
    }

    /**
     * The VirtualServices bound to {@code gateway} that may name {@code host}: those that name it
     * exactly, then those with a wildcard host, each list in namespace/name order.
     */
    public List<IstioRoutes.VirtualService> candidates(GatewayId gateway, String host) {
      List<IstioRoutes.VirtualService> exact =
          byHost.getOrDefault(gateway, Map.of()).getOrDefault(host, List.of());
      List<IstioRoutes.VirtualService> wild = wildcards.getOrDefault(gateway, List.of());
      if (wild.isEmpty()) {
        return exact;
      }
      List<IstioRoutes.VirtualService> out = new ArrayList<>(exact);
      out.addAll(wild);
      return out;
    }

    @Override
    public GatewayId id() {
      return new GatewayId(null, PREFIX + selector);
    }

    /** Every server of every Gateway of this selector, in Gateway then server order. */
    public List<Server> servers() {
      return servers;
    }

    /** Whether a server listens on {@code port}. */
    public boolean hasPort(int port) {
      return servers.stream().anyMatch(s -> s.port() == port);
    }

    /** The VirtualServices bound to {@code gateway} ({@code namespace/name}), in name order. */
    public List<IstioRoutes.VirtualService> boundTo(GatewayId gateway) {
      return bound.getOrDefault(gateway, List.of());
    }

    /** The table the selector belongs to (destinations resolve there). */
    public IstioTable table() {
      return table;
    }
  }

  /**
   * The HTTPS servers that terminate TLS (modes SIMPLE and MUTUAL), as listeners for {@code serve
   * --tls}: the certificate is the {@code credentialName} Secret, looked up in the Gateway's
   * namespace (Istio reads it in the gateway workload's, which the input does not name).
   */
  public List<TlsListener> tlsListeners() {
    List<TlsListener> out = new ArrayList<>();
    for (SelectorTable t : selectors.values()) {
      for (Server s : t.servers) {
        if (!s.protocol().equals("HTTPS") || s.passthrough()) {
          continue;
        }
        List<String> names = new ArrayList<>();
        for (String h : s.hosts()) {
          String name = h.contains("/") ? h.substring(h.indexOf('/') + 1) : h;
          if (!name.equals("*")) {
            names.add(name);
          }
        }
        out.add(
            new TlsListener(
                s.gateway().namespace() + "/" + s.gateway().name(),
                s.portName() == null ? "server-" + s.index() : s.portName(),
                s.port(),
                names.size() == 1 && !names.get(0).startsWith("*") ? names.get(0) : null,
                s.credentialName() == null
                    ? List.of()
                    : List.of(s.gateway().namespace() + "/" + s.credentialName()),
                new TreeSet<>(names).stream().toList()));
      }
    }
    return out;
  }

  /** Every selector, sorted. */
  public List<SelectorTable> selectors() {
    return List.copyOf(selectors.values());
  }

  /** A selector's table ({@code key=value,...} in any order), or null. */
  public SelectorTable bySelector(String selector) {
    SelectorTable t = selectors.get(selector);
    if (t != null || selector == null) {
      return t;
    }
    Map<String, String> labels = new TreeMap<>();
    for (String pair : selector.split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        return null;
      }
      labels.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    return selectors.get(selector(labels));
  }

  /** The selector whose servers include the Gateway's, or null. */
  public SelectorTable ofGateway(GatewayId gateway) {
    for (SelectorTable t : selectors.values()) {
      for (Server s : t.servers) {
        if (s.gateway().equals(gateway)) {
          return t;
        }
      }
    }
    return null;
  }

  /** The hosts of a VirtualService bound to one of the set's ingress gateways, or null. */
  public List<String> virtualServiceHosts(String namespace, String name) {
    for (SelectorTable t : selectors.values()) {
      for (IstioRoutes.VirtualService v : t.virtualServices) {
        if (v.namespace().equals(namespace) && v.name().equals(name)) {
          return v.hosts();
        }
      }
    }
    return null;
  }

  /** The Services ({@code namespace/name}) that bound VirtualServices route or mirror to. */
  public Set<String> backendServices() {
    Set<String> out = new TreeSet<>();
    for (SelectorTable t : selectors.values()) {
      for (IstioRoutes.VirtualService v : t.virtualServices) {
        for (IstioRoutes.HttpRule r : v.http()) {
          List<IstioRoutes.Destination> all = new ArrayList<>(r.route());
          r.mirrors().forEach(m -> all.add(m.destination()));
          for (IstioRoutes.Destination d : all) {
            String fqdn = fqdn(d.host(), v.namespace());
            IstioHosts.Service svc = IstioHosts.service(fqdn);
            if (svc != null) {
              out.add(svc.id());
            }
          }
        }
      }
    }
    return out;
  }

  /** The ports of a Service ({@code namespace/name}), or null when it is not in the input. */
  public List<Integer> servicePorts(String service) {
    return servicePorts.get(service);
  }

  /** Whether a ServiceEntry of the input declares {@code host}. */
  public boolean isServiceEntryHost(String host) {
    return serviceEntryHosts.contains(host);
  }

  /**
   * The subsets that DestinationRules define for a destination host (the FQDN {@code
   * name.namespace.svc.cluster.local}, or a ServiceEntry host), or null when none is for it.
   */
  public Set<String> subsets(String host) {
    return subsets.get(host);
  }

  /** The Istio table of a compiled set. */
  public static IstioTable build(Report report) {
    List<Manifest> manifests = new ArrayList<>();
    for (Compiled c : report.compiled()) {
      manifests.add(c.manifest());
    }
    return build(manifests);
  }

  /** Builds the table from manifests (Istio networking kinds and Services; others are ignored). */
  public static IstioTable build(List<Manifest> manifests) {
    if (manifests.stream().noneMatch(m -> m.group().equals("networking.istio.io"))) {
      // No Istio object: nothing to build, and the Services need not be read.
      return new IstioTable(new LinkedHashMap<>(), Map.of(), Set.of(), Map.of());
    }
    Map<String, List<Integer>> ports = new TreeMap<>();
    Set<String> entryHosts = new TreeSet<>();
    Map<String, Set<String>> subsets = new TreeMap<>();
    List<Manifest> gateways = new ArrayList<>();
    List<IstioRoutes.VirtualService> virtualServices = new ArrayList<>();
    Map<String, Map<?, ?>> specs = new LinkedHashMap<>();
    Map<Manifest, Map<?, ?>> virtualServiceRoots = new LinkedHashMap<>();
    for (Manifest m : manifests) {
      if (m.name() == null || m.root() == null) {
        continue;
      }
      if (m.group().isEmpty() && m.kind().equals("Service")) {
        ports.put(m.namespace() + "/" + m.name(), servicePorts(m.root().toPlain()));
      }
      if (!m.group().equals("networking.istio.io")) {
        continue;
      }
      Map<?, ?> root = m.root().toPlain();
      Map<?, ?> spec = IstioRoutes.map(root.get("spec"));
      switch (m.kind()) {
        case "Gateway" -> gateways.add(m);
        case "VirtualService" -> {
          specs.putIfAbsent(m.namespace() + "/" + m.name(), spec);
          virtualServiceRoots.put(m, root);
        }
        case "ServiceEntry" -> entryHosts.addAll(IstioRoutes.strings(spec.get("hosts")));
        case "DestinationRule" -> {
          String host = IstioRoutes.str(spec.get("host"));
          if (host != null) {
            Set<String> names =
                subsets.computeIfAbsent(fqdn(host, m.namespace()), h -> new TreeSet<>());
            for (Object s : IstioRoutes.list(spec.get("subsets"))) {
              String name = IstioRoutes.str(IstioRoutes.map(s).get("name"));
              if (name != null) {
                names.add(name);
              }
            }
          }
        }
        default -> {}
      }
    }
    virtualServiceRoots.forEach(
        (m, root) ->
            virtualServices.add(IstioRoutes.read(m.namespace(), m.name(), root, specs::get)));
    virtualServices.sort(
        Comparator.comparing(IstioRoutes.VirtualService::namespace)
            .thenComparing(IstioRoutes.VirtualService::name));
    gateways.sort(Comparator.comparing(Manifest::namespace).thenComparing(Manifest::name));
    Map<String, List<Server>> bySelector = new TreeMap<>();
    for (Manifest g : gateways) {
      Map<?, ?> spec = IstioRoutes.map(g.root().toPlain().get("spec"));
      String selector = selector(IstioRoutes.map(spec.get("selector")));
      List<?> servers = IstioRoutes.list(spec.get("servers"));
      for (int i = 0; i < servers.size(); i++) {
        Map<?, ?> s = IstioRoutes.map(servers.get(i));
        Map<?, ?> port = IstioRoutes.map(s.get("port"));
        Integer number = IstioRoutes.integer(port.get("number"));
        if (number == null) {
          continue;
        }
        Map<?, ?> tls = IstioRoutes.map(s.get("tls"));
        bySelector
            .computeIfAbsent(selector, k -> new ArrayList<>())
            .add(
                new Server(
                    new GatewayId(g.namespace(), g.name()),
                    i,
                    number,
                    IstioRoutes.str(port.get("name")),
                    String.valueOf(port.get("protocol")).toUpperCase(java.util.Locale.ROOT),
                    IstioRoutes.strings(s.get("hosts")),
                    Boolean.TRUE.equals(tls.get("httpsRedirect")),
                    IstioRoutes.str(tls.get("mode")),
                    IstioRoutes.str(tls.get("credentialName"))));
      }
    }
    Map<String, SelectorTable> selectors = new LinkedHashMap<>();
    IstioTable table = new IstioTable(selectors, ports, entryHosts, subsets);
    bySelector.forEach(
        (selector, servers) -> {
          Set<GatewayId> ids =
              new TreeSet<>(
                  Comparator.comparing(GatewayId::namespace).thenComparing(GatewayId::name));
          servers.forEach(s -> ids.add(s.gateway()));
          List<IstioRoutes.VirtualService> bound = new ArrayList<>();
          for (IstioRoutes.VirtualService v : virtualServices) {
            if (ids.stream()
                .anyMatch(id -> v.gateways().contains(id.namespace() + "/" + id.name()))) {
              bound.add(v);
            }
          }
          selectors.put(selector, new SelectorTable(selector, servers, bound, table));
        });
    return table;
  }

  /** {@code key=value,...} in key order; {@code (none)} for a Gateway without selector. */
  static String selector(Map<?, ?> labels) {
    if (labels.isEmpty()) {
      return "(none)";
    }
    Map<String, String> sorted = new TreeMap<>();
    labels.forEach((k, v) -> sorted.put(String.valueOf(k), String.valueOf(v)));
    StringBuilder sb = new StringBuilder();
    sorted.forEach(
        (k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
    return sb.toString();
  }

  /** The Service a completed destination host names, or null ({@link IstioHosts#service}). */
  public static IstioHosts.Service service(String fqdn) {
    return IstioHosts.service(fqdn);
  }

  /**
   * Whether a wildcard host names {@code host}, as a listener hostname does ({@link Hostnames}).
   */
  public static boolean wildcardMatches(String pattern, String host) {
    return Hostnames.wildcardMatches(pattern, host);
  }

  /** A destination host as Istio completes it ({@link IstioHosts#fqdn}). */
  public static String fqdn(String host, String namespace) {
    return IstioHosts.fqdn(host, namespace);
  }

  private static List<Integer> servicePorts(Map<?, ?> root) {
    List<Integer> out = new ArrayList<>();
    for (Object p : IstioRoutes.list(IstioRoutes.map(root.get("spec")).get("ports"))) {
      Integer n = IstioRoutes.integer(IstioRoutes.map(p).get("port"));
      if (n != null) {
        out.add(n);
      }
    }
    return out;
  }
}
