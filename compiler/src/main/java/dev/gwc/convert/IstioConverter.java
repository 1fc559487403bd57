package dev.gwc.convert;

import dev.gwc.diag.Severity;
import dev.gwc.istio.IstioDelegates;
import dev.gwc.istio.IstioHosts;
import dev.gwc.resource.Manifest;
import dev.gwc.source.SourceSpan;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Istio Gateway and VirtualService ({@code http[]} rules) to Gateway API Gateways and HTTPRoutes.
 * Each Istio Gateway becomes a Gateway of the same namespace and name, one listener per server
 * host; each VirtualService an HTTPRoute of the same namespace and name attached to the Gateways it
 * binds to. What has no equivalent, or means something else in Gateway API, is a notification at
 * its line: Istio takes the first rule in order where Gateway API takes the most specific match,
 * Istio's uri {@code prefix} is a string prefix where {@code PathPrefix} matches whole segments,
 * subsets need Services of their own, and direct responses, faults, retries, {@code
 * withoutHeaders}, {@code ignoreUriCase} and {@code tls[]}/{@code tcp[]} rules are not carried
 * over.
 */
final class IstioConverter {
  private static final String GROUP = "networking.istio.io";

  private final ConvertOptions options;
  private final Capabilities caps;
  private final Notes notes;
  private final Map<String, Manifest> gateways = new TreeMap<>();
  private final Map<String, Map<String, Object>> subsetLabels = new TreeMap<>();
  private final Map<String, List<Object>> servicePorts = new TreeMap<>();
  private final Map<String, Manifest> services = new TreeMap<>();

  /** Services generated for subsets ({@code --subset-services}), by namespace/name. */
  private final Map<String, Map<String, Object>> generated = new TreeMap<>();

  /** For each Istio Gateway ({@code ns/name}), the Gateway API Gateway it merges into. */
  private final Map<String, Manifest> mergedInto = new TreeMap<>();

  /** The spec of every VirtualService of the input by {@code ns/name} (delegates are read here). */
  private final Map<String, Map<?, ?>> virtualServiceSpecs = new TreeMap<>();

  /** The listeners of servers with {@code tls.httpsRedirect}, with where that is written. */
  private final Map<Map<String, Object>, SourceSpan> redirectListeners =
      new java.util.IdentityHashMap<>();

  /** The listeners made from each Istio Gateway ({@code ns/name}), with their final names. */
  private final Map<String, List<Map<String, Object>>> listenersOf = new TreeMap<>();

  /** {@code ns/gateway host} of every server host of protocol GRPC. */
  private final java.util.Set<String> grpcHosts = new java.util.HashSet<>();

  /** ReferenceGrants for destinations in other namespaces, by {@code namespace/from-namespace}. */
  private final Map<String, Map<String, Object>> grants = new TreeMap<>();

  IstioConverter(ConvertOptions options, Capabilities caps, Notes notes) {
    this.options = options;
    this.caps = caps;
    this.notes = notes;
  }

  /** The VirtualServices of the input, which {@link #convert} turns into HTTPRoutes. */
  static List<Manifest> virtualServices(List<Manifest> manifests) {
    return manifests.stream()
        .filter(
            m -> GROUP.equals(m.group()) && m.kind().equals("VirtualService") && m.name() != null)
        .toList();
  }

  /** Where an object came from, as {@code gwc.dev/source} names it. */
  static String origin(Manifest m) {
    return m.kind() + "/" + m.namespace() + "/" + m.name();
  }

  /** The Gateway API objects, in input order (the caller sorts them). */
  List<Map<String, Object>> convert(List<Manifest> manifests) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Manifest m : manifests) {
      if (m.group().isEmpty()
          && m.kind().equals("Service")
          && m.name() != null
          && m.root() != null) {
        List<Object> ports = new ArrayList<>();
        for (Object p : list(map(m.root().toPlain().get("spec")).get("ports"))) {
          if (map(p).get("port") != null) {
            ports.add(map(p).get("port"));
          }
        }
        servicePorts.put(m.namespace() + "/" + m.name(), ports);
        services.put(m.namespace() + "/" + m.name(), m);
      }
      if (GROUP.equals(m.group()) && m.name() != null && m.root() != null) {
        if (m.kind().equals("Gateway")) {
          gateways.put(m.namespace() + "/" + m.name(), m);
        } else if (m.kind().equals("DestinationRule")) {
          destinationRule(m);
        }
      }
    }
    // Istio Gateways that select the same workload are one ingress gateway: one Gateway API
    // Gateway, named after the first of them, with the listeners of all.
    Map<String, List<Manifest>> bySelector = new TreeMap<>();
    for (Manifest g : gateways.values()) {
      Object selector = map(map(g.root().toPlain().get("spec")).get("selector"));
      bySelector.computeIfAbsent(plain(selector).toString(), k -> new ArrayList<>()).add(g);
    }
    for (List<Manifest> group : bySelector.values()) {
      Manifest first = group.get(0);
      List<Object> listeners = new ArrayList<>();
      java.util.Set<String> names = new java.util.HashSet<>();
      for (Manifest g : group) {
        mergedInto.put(g.namespace() + "/" + g.name(), first);
        for (Object l : listeners(g)) {
          @SuppressWarnings("unchecked")
          Map<String, Object> listener = (Map<String, Object>) l;
          String name = (String) listener.get("name");
          if (!names.add(name)) {
            name = Names.dns(g.name() + "-" + name);
            names.add(name);
            listener.put("name", name);
          }
          listeners.add(listener);
          listenersOf
              .computeIfAbsent(g.namespace() + "/" + g.name(), k -> new ArrayList<>())
              .add(listener);
          if (redirectListeners.containsKey(listener)) {
            out.add(httpsRedirect(g, first, listener));
          }
        }
        if (g != first) {
          notes.info(
              g,
              g.nameSpan(),
              "Gateway "
                  + g.namespace()
                  + "/"
                  + g.name()
                  + " selects the same gateway workload as "
                  + first.namespace()
                  + "/"
                  + first.name()
                  + ": its servers are listeners of that one Gateway API Gateway");
        }
      }
      Map<String, Object> gw = object("Gateway", first, first.name());
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put(
          "gatewayClassName", options.gatewayClass() == null ? "istio" : options.gatewayClass());
      spec.put("listeners", listeners);
      gw.put("spec", spec);
      out.add(gw);
    }
    java.util.Set<String> delegates = new java.util.TreeSet<>();
    for (Manifest vs : virtualServices(manifests)) {
      Map<?, ?> spec = map(vs.root().toPlain().get("spec"));
      virtualServiceSpecs.putIfAbsent(vs.namespace() + "/" + vs.name(), spec);
      for (Object r : list(spec.get("http"))) {
        String target = IstioDelegates.delegateOf(map(r), vs.namespace());
        if (target != null) {
          delegates.add(target);
        }
      }
    }
    for (Manifest vs : virtualServices(manifests)) {
      if (delegates.contains(vs.namespace() + "/" + vs.name())) {
        notes.info(
            vs,
            vs.nameSpan(),
            "VirtualService "
                + vs.namespace()
                + "/"
                + vs.name()
                + " is a delegate: its rules are converted into the HTTPRoutes of the"
                + " VirtualServices that delegate to it");
        continue;
      }
      out.addAll(virtualService(vs));
    }
    out.addAll(generated.values());
    out.addAll(grants.values());
    return out;
  }

  private void destinationRule(Manifest m) {
    Map<?, ?> spec = map(m.root().toPlain().get("spec"));
    Object host = spec.get("host");
    if (host == null) {
      return;
    }
    for (Object s : list(spec.get("subsets"))) {
      Map<?, ?> subset = map(s);
      subsetLabels.put(
          IstioHosts.fqdn(String.valueOf(host), m.namespace()) + "#" + subset.get("name"),
          plain(subset.get("labels")));
    }
  }

  /** The listeners of an Istio Gateway's servers: one per server host. */
  private List<Object> listeners(Manifest g) {
    Map<?, ?> spec = map(g.root().toPlain().get("spec"));
    List<Object> listeners = new ArrayList<>();
    List<?> servers = list(spec.get("servers"));
    for (int i = 0; i < servers.size(); i++) {
      Map<?, ?> server = map(servers.get(i));
      Map<?, ?> port = map(server.get("port"));
      String protocol = String.valueOf(port.get("protocol")).toUpperCase(java.util.Locale.ROOT);
      Map<?, ?> tls = map(server.get("tls"));
      boolean passthrough = String.valueOf(tls.get("mode")).endsWith("PASSTHROUGH");
      if ((protocol.equals("HTTPS") || protocol.equals("TLS")) && passthrough) {
        protocol = "TLS";
      } else if (protocol.equals("GRPC") || protocol.equals("HTTP2")) {
        if (protocol.equals("GRPC")) {
          for (Object h : list(server.get("hosts"))) {
            String written = String.valueOf(h);
            grpcHosts.add(
                g.namespace() + "/" + g.name() + " " + written.substring(written.indexOf('/') + 1));
          }
        }
        notes.info(
            g,
            span(g, "spec", "servers", i),
            "server "
                + i
                + " ("
                + protocol
                + "): an HTTP listener (Gateway API carries HTTP/2 and gRPC on HTTP listeners)");
        protocol = "HTTP";
      } else if (protocol.equals("TLS")) {
        notes.warn(
            g,
            span(g, "spec", "servers", i),
            "server "
                + i
                + " (TLS, mode "
                + tls.get("mode")
                + ") terminates TLS for TCP traffic: not converted (a TLS listener with mode"
                + " Terminate and TCPRoutes, written by hand)");
        continue;
      } else if (!protocol.equals("HTTP")
          && !protocol.equals("HTTPS")
          && !protocol.equals("TCP")
          && !protocol.equals("TLS")) {
        notes.warn(
            g,
            span(g, "spec", "servers", i),
            "server "
                + i
                + " ("
                + protocol
                + "): Gateway API has no listener protocol for it; not converted");
        continue;
      }
      boolean redirect = Boolean.TRUE.equals(tls.get("httpsRedirect"));
      // A TCP listener has no hostname: one listener for the server, whatever its hosts.
      List<?> hosts = protocol.equals("TCP") ? List.of("*") : list(server.get("hosts"));
      for (int h = 0; h < hosts.size(); h++) {
        String written = String.valueOf(hosts.get(h));
        int slash = written.indexOf('/');
        String ns = slash < 0 ? "*" : written.substring(0, slash);
        String host = slash < 0 ? written : written.substring(slash + 1);
        Map<String, Object> l = new LinkedHashMap<>();
        String base =
            port.get("name") == null
                ? protocol.toLowerCase(java.util.Locale.ROOT)
                : String.valueOf(port.get("name"));
        l.put("name", Names.dns(base + (hosts.size() > 1 ? "-" + h : "")));
        if (!host.equals("*") && !protocol.equals("TCP")) {
          l.put("hostname", host);
        }
        l.put("port", port.get("number"));
        l.put("protocol", protocol);
        if (protocol.equals("TLS") && passthrough) {
          l.put("tls", ordered("mode", "Passthrough"));
        } else if (protocol.equals("HTTPS")) {
          Object credential = tls.get("credentialName");
          Map<String, Object> t = new LinkedHashMap<>();
          t.put("mode", "Terminate");
          if (credential != null) {
            t.put("certificateRefs", List.of(ordered("name", credential)));
            notes.info(
                g,
                span(g, "spec", "servers", i),
                "credentialName '"
                    + credential
                    + "' is read by Istio in the gateway workload's namespace; the Gateway API"
                    + " Gateway reads Secret '"
                    + credential
                    + "' in its own namespace ("
                    + g.namespace()
                    + ")");
          } else {
            notes.warn(
                g,
                span(g, "spec", "servers", i),
                "HTTPS server without credentialName (mode "
                    + tls.get("mode")
                    + "): the listener needs certificateRefs");
          }
          l.put("tls", t);
        }
        Map<String, Object> from = new LinkedHashMap<>();
        if (ns.equals("*")) {
          from.put("from", "All");
        } else if (ns.equals(".") || ns.equals(g.namespace())) {
          from.put("from", "Same");
        } else {
          from.put("from", "Selector");
          from.put("selector", ordered("matchLabels", ordered("kubernetes.io/metadata.name", ns)));
        }
        l.put("allowedRoutes", ordered("namespaces", from));
        listeners.add(l);
        if (redirect) {
          redirectListeners.put(l, span(g, "spec", "servers", i, "tls", "httpsRedirect"));
        }
      }
    }
    if (!map(spec.get("selector")).isEmpty()) {
      notes.info(
          g,
          span(g, "spec", "selector"),
          "selector "
              + plain(spec.get("selector"))
              + ": a Gateway API Gateway gets its own deployment from its GatewayClass, not an"
              + " existing ingress gateway's pods");
    }
    return listeners;
  }

  private List<Map<String, Object>> virtualService(Manifest vs) {
    Map<?, ?> spec = map(vs.root().toPlain().get("spec"));
    List<Object> parents = new ArrayList<>();
    List<Object> httpParents = new ArrayList<>();
    for (Object gw : list(spec.get("gateways"))) {
      String name = String.valueOf(gw);
      if (name.equals("mesh")) {
        notes.info(vs, span(vs, "spec", "gateways"), "'mesh' (the sidecars) is not converted");
        continue;
      }
      String id = name.contains("/") ? name : vs.namespace() + "/" + name;
      Manifest target = mergedInto.get(id);
      String ns = target == null ? id.substring(0, id.indexOf('/')) : target.namespace();
      Map<String, Object> ref = new LinkedHashMap<>();
      ref.put("name", target == null ? id.substring(id.indexOf('/') + 1) : target.name());
      if (!ns.equals(vs.namespace())) {
        ref.put("namespace", ns);
      }
      if (!parents.contains(ref)) {
        parents.add(ref);
      }
      for (Map<String, Object> p : httpParentRefs(id, ref, list(spec.get("hosts")))) {
        if (!httpParents.contains(p)) {
          httpParents.add(p);
        }
      }
    }
    List<Object> hostnames = new ArrayList<>();
    for (Object h : list(spec.get("hosts"))) {
      if (!"*".equals(h)) {
        hostnames.add(String.valueOf(h));
      }
    }
    if (spec.get("exportTo") != null) {
      notes.info(
          vs,
          span(vs, "spec", "exportTo"),
          "exportTo has no Gateway API equivalent (which routes a Gateway takes is its listeners'"
              + " allowedRoutes): not converted");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    List<IstioDelegates.FlatRule> flat = flatten(vs, list(spec.get("http")));
    boolean l4 = !list(spec.get("tls")).isEmpty() || !list(spec.get("tcp")).isEmpty();
    if (!list(spec.get("http")).isEmpty() || !l4) {
      List<Object> rules = new ArrayList<>();
      for (IstioDelegates.FlatRule f : flat) {
        rules.add(rule(vs, f));
      }
      Map<Integer, java.util.Set<Integer>> gone = unreachable(vs, flat);
      boolean grpc = grpc(spec, vs.namespace());
      if (grpc) {
        for (int k = 0; k < rules.size(); k++) {
          asGrpcRule(vs, at(vs, flat.get(k)), rules.get(k));
        }
      }
      Map<String, Object> route = object(grpc ? "GRPCRoute" : "HTTPRoute", vs, vs.name());
      Map<String, Object> rs = new LinkedHashMap<>();
      rs.put("parentRefs", httpParents);
      if (!hostnames.isEmpty()) {
        rs.put("hostnames", hostnames);
      }
      rs.put("rules", reachable(rules, gone));
      route.put("spec", rs);
      out.add(route);
    }
    out.addAll(l4Routes(vs, "tls", parents, hostnames));
    out.addAll(l4Routes(vs, "tcp", parents, hostnames));
    return out;
  }

  /**
   * An Istio server's {@code tls.httpsRedirect} as an HTTPRoute on its listener that redirects
   * every request to https (301, the https port), which is what the server answers in Istio.
   */
  @SuppressWarnings("unchecked")
  private Map<String, Object> httpsRedirect(
      Manifest g, Manifest target, Map<String, Object> listener) {
    String name = Names.dns(target.name() + "-" + listener.get("name") + "-https-redirect");
    Map<String, Object> route = object("HTTPRoute", g, name);
    ((Map<String, Object>) route.get("metadata")).put("namespace", target.namespace());
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put(
        "parentRefs", List.of(ordered("name", target.name(), "sectionName", listener.get("name"))));
    spec.put(
        "rules",
        List.of(
            ordered(
                "filters",
                List.of(
                    ordered(
                        "type",
                        "RequestRedirect",
                        "requestRedirect",
                        ordered("scheme", "https", "statusCode", 301))))));
    route.put("spec", spec);
    notes.info(
        g,
        redirectListeners.get(listener),
        "tls.httpsRedirect: HTTPRoute "
            + target.namespace()
            + "/"
            + name
            + " redirects the requests of listener '"
            + listener.get("name")
            + "' to https; the VirtualServices' routes attach to the Gateway's other listeners by"
            + " sectionName");
    return route;
  }

  /**
   * The parentRefs of a VirtualService's HTTP routes for one of its Gateways: the Gateway API
   * Gateway as a whole, or, when some of its listeners only redirect to https, each HTTP or HTTPS
   * listener of the Istio Gateway that does not and whose hostname can take one of its hosts.
   */
  private List<Map<String, Object>> httpParentRefs(
      String istioGateway, Map<String, Object> ref, List<?> hosts) {
    Manifest target = mergedInto.get(istioGateway);
    boolean anyRedirect =
        target != null
            && listenersOf.entrySet().stream()
                .filter(e -> mergedInto.get(e.getKey()) == target)
                .flatMap(e -> e.getValue().stream())
                .anyMatch(redirectListeners::containsKey);
    if (!anyRedirect) {
      return List.of(ref);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> l : listenersOf.getOrDefault(istioGateway, List.of())) {
      Object hostname = l.get("hostname");
      boolean takes =
          hostname == null
              || hosts.stream()
                  .anyMatch(h -> IstioHosts.intersect(String.valueOf(hostname), String.valueOf(h)));
      boolean http = l.get("protocol").equals("HTTP") || l.get("protocol").equals("HTTPS");
      if (!redirectListeners.containsKey(l) && takes && http) {
        Map<String, Object> section = new LinkedHashMap<>(ref);
        section.put("sectionName", l.get("name"));
        out.add(section);
      }
    }
    return out;
  }

  /**
   * Whether a VirtualService is for gRPC: each of its hosts is a host of a GRPC server of the
   * Gateways it binds to.
   */
  private boolean grpc(Map<?, ?> spec, String namespace) {
    List<?> hosts = list(spec.get("hosts"));
    if (grpcHosts.isEmpty() || hosts.isEmpty()) {
      return false;
    }
    for (Object h : hosts) {
      boolean found = false;
      for (Object gw : list(spec.get("gateways"))) {
        String id = String.valueOf(gw).contains("/") ? String.valueOf(gw) : namespace + "/" + gw;
        found |= grpcHosts.contains(id + " " + h) || grpcHosts.contains(id + " *");
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /**
   * An HTTPRoute rule turned into a GRPCRoute rule in place: a uri {@code /pkg.Service/Method}
   * (exact) or {@code /pkg.Service/} (prefix) becomes a method match; what a GRPCRoute cannot
   * express (other paths, HTTP method, query parameters, redirects, rewrites, timeouts) is dropped
   * with a notification.
   */
  @SuppressWarnings("unchecked")
  private void asGrpcRule(Manifest vs, SourceSpan where, Object rule) {
    Map<String, Object> r = (Map<String, Object>) rule;
    for (Object m : list(r.get("matches"))) {
      Map<String, Object> match = (Map<String, Object>) m;
      if (match.get("method") instanceof String verb) {
        match.remove("method");
        notes.warn(
            vs, where, "HTTP method " + verb + " has no GRPCRoute equivalent: not converted");
      }
      Map<?, ?> path = map(match.remove("path"));
      String value = path.get("value") == null ? null : String.valueOf(path.get("value"));
      if (value != null) {
        String[] parts = value.split("/", -1);
        boolean exact = "Exact".equals(path.get("type")) && parts.length == 3;
        boolean prefix =
            "PathPrefix".equals(path.get("type"))
                && parts.length >= 2
                && parts.length <= 3
                && (parts.length == 2 || parts[2].isEmpty());
        if ((exact || prefix) && parts[0].isEmpty() && !parts[1].isEmpty()) {
          Map<String, Object> method = ordered("type", "Exact", "service", parts[1]);
          if (exact) {
            method.put("method", parts[2]);
          }
          match.put("method", method);
        } else {
          notes.warn(
              vs,
              where,
              "uri '"
                  + value
                  + "' names no gRPC service or method: not converted to the GRPCRoute");
        }
      }
      if (match.remove("queryParams") != null) {
        notes.warn(vs, where, "queryParams have no GRPCRoute equivalent: not converted");
      }
    }
    if (r.remove("timeouts") != null) {
      notes.warn(vs, where, "timeout has no GRPCRoute equivalent: not converted");
    }
    if (r.get("filters") instanceof List<?> filters) {
      List<Object> kept = new ArrayList<>();
      for (Object f : filters) {
        Object type = map(f).get("type");
        if ("RequestRedirect".equals(type) || "URLRewrite".equals(type)) {
          notes.warn(vs, where, type + " has no GRPCRoute equivalent: not converted");
        } else {
          kept.add(f);
        }
      }
      r.put("filters", kept);
      if (kept.isEmpty()) {
        r.remove("filters");
      }
    }
  }

  /**
   * The effective http rules of a VirtualService (delegations resolved), with a notification for
   * each delegation: converted in place, or lost because the delegate is not in the input.
   */
  private List<IstioDelegates.FlatRule> flatten(Manifest vs, List<?> http) {
    for (int i = 0; i < http.size(); i++) {
      String target = IstioDelegates.delegateOf(map(http.get(i)), vs.namespace());
      if (target == null) {
        continue;
      }
      if (virtualServiceSpecs.containsKey(target)) {
        notes.info(
            vs,
            span(vs, "spec", "http", i, "delegate"),
            "http["
                + i
                + "] delegates to VirtualService "
                + target
                + ": its rules are converted here, each with this rule's match merged into its own");
      } else {
        notes.error(
            vs,
            span(vs, "spec", "http", i, "delegate"),
            "http["
                + i
                + "] delegates to VirtualService "
                + target
                + ", which is not in the input: the rule is not converted");
      }
    }
    return IstioDelegates.flatten(vs.namespace(), http, virtualServiceSpecs::get);
  }

  /**
   * A {@code tls[]} rule as a TLSRoute (hostnames from its {@code sniHosts}), or a {@code tcp[]}
   * rule as a TCPRoute (a match port as the parentRefs' port), one route per rule.
   */
  private List<Map<String, Object>> l4Routes(
      Manifest vs, String section, List<Object> parents, List<Object> hostnames) {
    List<?> rules = list(map(vs.root().toPlain().get("spec")).get(section));
    boolean tls = section.equals("tls");
    String kind = tls ? "TLSRoute" : "TCPRoute";
    String apiVersion = tls ? caps.tlsRouteApiVersion() : caps.tcpRouteApiVersion();
    List<Map<String, Object>> out = new ArrayList<>();
    if (!rules.isEmpty() && apiVersion == null) {
      notes.error(
          vs,
          span(vs, "spec", section),
          section
              + "[] rules need "
              + kind
              + ", which Gateway API "
              + caps.label()
              + " does not have (try --channel experimental): not converted");
      return out;
    }
    for (int i = 0; i < rules.size(); i++) {
      Map<?, ?> r = map(rules.get(i));
      List<Object> names = new ArrayList<>();
      List<Object> ports = new ArrayList<>();
      for (Object m : list(r.get("match"))) {
        for (Object h : list(map(m).get("sniHosts"))) {
          if (!names.contains(h)) {
            names.add(h);
          }
        }
        if (map(m).get("port") != null && !ports.contains(map(m).get("port"))) {
          ports.add(map(m).get("port"));
        }
      }
      List<Object> backends = new ArrayList<>();
      SourceSpan where = span(vs, "spec", section, i);
      for (Object d : list(r.get("route"))) {
        Map<?, ?> dm = map(d);
        backends.add(
            backendRef(
                vs, kind, vs.namespace(), where, map(dm.get("destination")), dm.get("weight")));
      }
      String name = Names.dns(vs.name() + "-" + section + (rules.size() > 1 ? "-" + i : ""));
      Map<String, Object> route = object(kind, vs, name);
      route.put("apiVersion", apiVersion);
      List<Object> refs = new ArrayList<>();
      for (Object p : parents) {
        if (ports.isEmpty()) {
          refs.add(p);
        }
        for (Object port : ports) {
          Map<String, Object> ref = new LinkedHashMap<>(plainOrdered(p));
          ref.put("port", port);
          refs.add(ref);
        }
      }
      Map<String, Object> rs = new LinkedHashMap<>();
      rs.put("parentRefs", refs);
      List<Object> hosts = names.isEmpty() ? hostnames : names;
      if (tls && !hosts.isEmpty()) {
        rs.put("hostnames", hosts);
      }
      rs.put("rules", List.of(ordered("backendRefs", backends)));
      route.put("spec", rs);
      notes.info(vs, where, section + "[" + i + "] is " + kind + " " + vs.namespace() + "/" + name);
      out.add(route);
    }
    return out;
  }

  private static Map<String, Object> plainOrdered(Object o) {
    Map<String, Object> out = new LinkedHashMap<>();
    map(o).forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  /**
   * The match blocks Istio never reaches because an earlier rule takes their requests first (a rule
   * without match, or a block whose only condition is a uri prefix that a later exact or prefix
   * path starts with), by rule index; {@code -1} stands for a whole rule without match. Gateway API
   * would prefer the later, longer match, so the conversion leaves these out — that keeps Istio's
   * routing — and says so, naming both rules.
   */
  private Map<Integer, java.util.Set<Integer>> unreachable(
      Manifest vs, List<IstioDelegates.FlatRule> http) {
    Map<Integer, java.util.Set<Integer>> out = new TreeMap<>();
    List<String> prefixes = new ArrayList<>();
    for (int j = 0; j < http.size(); j++) {
      IstioDelegates.FlatRule later = http.get(j);
      List<?> matches = list(later.rule().get("match"));
      for (int i = 0; i < j; i++) {
        String earlier = prefixes.get(i);
        if (earlier == null) {
          continue;
        }
        if (matches.isEmpty() && earlier.isEmpty()) {
          out.computeIfAbsent(j, x -> new java.util.TreeSet<>()).add(-1);
          notes.warn(
              vs,
              at(vs, later),
              later.label()
                  + " is never reached in Istio: "
                  + http.get(i).label()
                  + " takes every request first; left out of the route");
          break;
        }
        for (int k = 0; k < matches.size(); k++) {
          Map<?, ?> block = map(matches.get(k));
          Map<?, ?> uri = map(block.get("uri"));
          Object v = uri.get("prefix") != null ? uri.get("prefix") : uri.get("exact");
          if (v == null || block.get("ignoreUriCase") != null) {
            if (earlier.isEmpty()) {
              v = "";
            } else {
              continue;
            }
          }
          String path = String.valueOf(v);
          if (path.startsWith(earlier)
              && out.computeIfAbsent(j, x -> new java.util.TreeSet<>()).add(k)) {
            notes.warn(
                vs,
                at(vs, later, "match", k),
                later.label()
                    + " match["
                    + k
                    + "]"
                    + (path.isEmpty() ? "" : " ('" + path + "')")
                    + " is never reached in Istio: "
                    + http.get(i).label()
                    + (earlier.isEmpty()
                        ? " takes every request first"
                        : " (prefix '" + earlier + "') takes its requests first")
                    + "; left out of the route so that it routes as Istio does (Gateway API would"
                    + " prefer the longer match); move the rule up if it is meant to apply");
          }
        }
      }
      // The prefix this rule claims for the rules after it ("" for a rule that matches all).
      String claimed = null;
      if (matches.isEmpty()) {
        claimed = "";
      } else if (matches.size() == 1) {
        Map<?, ?> uri = map(map(matches.get(0)).get("uri"));
        Map<?, ?> only = map(matches.get(0));
        if (uri.get("prefix") != null && only.size() == 1) {
          claimed = String.valueOf(uri.get("prefix"));
        }
      }
      prefixes.add(claimed);
    }
    return out;
  }

  /** The rules without the match blocks (and whole rules) {@link #unreachable} found. */
  @SuppressWarnings("unchecked")
  private static List<Object> reachable(
      List<Object> rules, Map<Integer, java.util.Set<Integer>> gone) {
    List<Object> out = new ArrayList<>();
    for (int j = 0; j < rules.size(); j++) {
      java.util.Set<Integer> blocks = gone.getOrDefault(j, java.util.Set.of());
      Map<String, Object> rule = (Map<String, Object>) rules.get(j);
      if (blocks.contains(-1)) {
        continue;
      }
      if (!blocks.isEmpty()) {
        List<?> matches = list(rule.get("matches"));
        List<Object> left = new ArrayList<>();
        for (int k = 0; k < matches.size(); k++) {
          if (!blocks.contains(k)) {
            left.add(matches.get(k));
          }
        }
        if (left.isEmpty()) {
          continue; // no match left would make it match everything
        }
        rule.put("matches", left);
      }
      out.add(rule);
    }
    return out;
  }

  private Map<String, Object> rule(Manifest vs, IstioDelegates.FlatRule flat) {
    Map<?, ?> r = flat.rule();
    Map<String, Object> out = new LinkedHashMap<>();
    List<Object> matches = new ArrayList<>();
    List<?> ms = list(r.get("match"));
    for (int k = 0; k < ms.size(); k++) {
      matches.add(match(vs, flat, k, map(ms.get(k))));
    }
    if (!matches.isEmpty()) {
      out.put("matches", matches);
    }
    List<Object> filters = new ArrayList<>();
    if (r.get("redirect") != null) {
      filters.add(redirect(vs, flat, map(r.get("redirect"))));
    }
    if (r.get("rewrite") != null) {
      Map<String, Object> rewrite = rewrite(vs, flat, map(r.get("rewrite")), ms);
      if (rewrite != null) {
        filters.add(rewrite);
      }
    }
    filters.addAll(headerFilters(map(r.get("headers"))));
    if (r.get("mirror") != null) {
      Map<String, Object> mirror = new LinkedHashMap<>();
      mirror.put(
          "backendRef",
          backendRef(vs, "HTTPRoute", flat.namespace(), at(vs, flat), map(r.get("mirror")), null));
      filters.add(ordered("type", "RequestMirror", "requestMirror", mirror));
    }
    if (!filters.isEmpty()) {
      out.put("filters", filters);
    }
    for (String unsupported : new String[] {"directResponse", "fault", "corsPolicy", "mirrors"}) {
      if (r.get(unsupported) != null) {
        notes.add(
            unsupported.equals("directResponse") ? Severity.ERROR : Severity.WARNING,
            vs,
            at(vs, flat, unsupported),
            flat.label() + ": " + unsupported + " has no equivalent here and is not converted",
            null);
      }
    }
    if (r.get("delegate") != null) {
      notes.error(
          vs,
          at(vs, flat, "delegate"),
          flat.label()
              + ": a delegate of a delegate (Istio follows one level of delegation) is not"
              + " converted");
    }
    Map<String, Object> timeouts = new LinkedHashMap<>();
    if (r.get("timeout") != null) {
      timeouts.put("request", String.valueOf(r.get("timeout")));
    }
    if (r.get("retries") instanceof Map<?, ?> retries) {
      Map<String, Object> retry = retry(vs, flat, retries);
      if (retry != null) {
        out.put("retry", retry);
      }
      if (retry != null && retries.get("perTryTimeout") != null) {
        timeouts.put("backendRequest", String.valueOf(retries.get("perTryTimeout")));
      }
    }
    if (!timeouts.isEmpty()) {
      out.put("timeouts", timeouts);
    }
    List<Object> backends = new ArrayList<>();
    if (r.get("redirect") == null) {
      for (Object d : list(r.get("route"))) {
        Map<?, ?> dm = map(d);
        Map<String, Object> ref =
            backendRef(
                vs,
                "HTTPRoute",
                flat.namespace(),
                at(vs, flat),
                map(dm.get("destination")),
                dm.get("weight"));
        List<Object> own = headerFilters(map(dm.get("headers")));
        if (!own.isEmpty()) {
          ref.put("filters", own);
        }
        backends.add(ref);
      }
    }
    if (!backends.isEmpty()) {
      out.put("backendRefs", backends);
    }
    return out;
  }

  /**
   * Istio's {@code retries} as an HTTPRoute rule's {@code retry} (experimental channel): attempts,
   * and the status codes of {@code retryOn} ({@code 5xx} and {@code gateway-error} spelled out);
   * null when the release has no retry or retries are off.
   */
  private Map<String, Object> retry(Manifest vs, IstioDelegates.FlatRule flat, Map<?, ?> retries) {
    if (!caps.retry()) {
      notes.warn(
          vs,
          at(vs, flat, "retries"),
          flat.label()
              + ": retries need HTTPRoute's retry, which Gateway API "
              + caps.label()
              + " does not have (try --channel experimental): not converted");
      return null;
    }
    if (!(retries.get("attempts") instanceof Number attempts) || attempts.intValue() < 1) {
      return null;
    }
    java.util.Set<Integer> codes = new java.util.TreeSet<>();
    List<String> dropped = new ArrayList<>();
    for (String on :
        String.valueOf(retries.get("retryOn") == null ? "" : retries.get("retryOn")).split(",")) {
      String condition = on.strip();
      switch (condition) {
        case "" -> {}
        case "5xx" -> codes.addAll(List.of(500, 502, 503, 504));
        case "gateway-error" -> codes.addAll(List.of(502, 503, 504));
        default -> {
          if (condition.matches("[45][0-9][0-9]")) {
            codes.add(Integer.parseInt(condition));
          } else {
            dropped.add(condition);
          }
        }
      }
    }
    if (!dropped.isEmpty()) {
      notes.warn(
          vs,
          at(vs, flat, "retries"),
          flat.label()
              + ": retryOn "
              + dropped
              + " are not status codes; Gateway API retries by status code only");
    }
    Map<String, Object> retry = ordered("attempts", attempts.intValue());
    if (!codes.isEmpty()) {
      retry.put("codes", new ArrayList<>(codes));
    }
    return retry;
  }

  private Map<String, Object> match(Manifest vs, IstioDelegates.FlatRule flat, int k, Map<?, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<?, ?> uri = map(m.get("uri"));
    if (uri.get("exact") != null) {
      out.put("path", ordered("type", "Exact", "value", uri.get("exact")));
    } else if (uri.get("prefix") != null) {
      String p = String.valueOf(uri.get("prefix"));
      out.put("path", ordered("type", "PathPrefix", "value", p));
      if (!p.endsWith("/")) {
        notes.warn(
            vs,
            at(vs, flat, "match", k, "uri"),
            "Istio's uri prefix '"
                + p
                + "' is a string prefix (it also takes '"
                + p
                + "x'); Gateway API's PathPrefix matches whole path segments");
      } else if (p.length() > 1) {
        notes.warn(
            vs,
            at(vs, flat, "match", k, "uri"),
            "Istio's uri prefix '"
                + p
                + "' does not take '"
                + p.substring(0, p.length() - 1)
                + "'; Gateway API's PathPrefix ignores the trailing slash and takes it");
      }
    } else if (uri.get("regex") != null) {
      out.put("path", ordered("type", "RegularExpression", "value", uri.get("regex")));
    }
    for (String field : new String[] {"headers", "queryParams"}) {
      List<Object> conditions = new ArrayList<>();
      map(m.get(field))
          .forEach(
              (name, v) -> {
                Map<String, Object> c = stringMatch(vs, flat, k, String.valueOf(name), map(v));
                if (c != null) {
                  conditions.add(c);
                }
              });
      if (!conditions.isEmpty()) {
        out.put(field, conditions);
      }
    }
    Map<?, ?> method = map(m.get("method"));
    if (method.get("exact") != null) {
      out.put("method", method.get("exact"));
    }
    for (String unsupported :
        new String[] {
          "authority", "withoutHeaders", "ignoreUriCase", "port", "scheme", "sourceLabels"
        }) {
      if (m.get(unsupported) != null) {
        notes.warn(
            vs,
            at(vs, flat, "match", k, unsupported),
            "match condition "
                + unsupported
                + " has no equivalent in an HTTPRoute match and is not converted");
      }
    }
    return out;
  }

  private Map<String, Object> stringMatch(
      Manifest vs, IstioDelegates.FlatRule flat, int k, String name, Map<?, ?> v) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    if (v.get("exact") != null) {
      out.put("value", String.valueOf(v.get("exact")));
    } else if (v.get("regex") != null) {
      out.put("type", "RegularExpression");
      out.put("value", String.valueOf(v.get("regex")));
    } else if (v.get("prefix") != null) {
      out.put("type", "RegularExpression");
      out.put("value", com.google.re2j.Pattern.quote(String.valueOf(v.get("prefix"))) + ".*");
    } else {
      notes.warn(
          vs,
          at(vs, flat, "match", k),
          "condition on '" + name + "' without exact, prefix or regex is not converted");
      return null;
    }
    return out;
  }

  private Map<String, Object> redirect(Manifest vs, IstioDelegates.FlatRule flat, Map<?, ?> r) {
    Map<String, Object> rr = new LinkedHashMap<>();
    if (r.get("scheme") != null) {
      rr.put("scheme", r.get("scheme"));
    }
    if (r.get("authority") != null) {
      rr.put("hostname", r.get("authority"));
    }
    if (r.get("port") != null) {
      rr.put("port", r.get("port"));
    }
    if (r.get("uri") != null) {
      rr.put("path", ordered("type", "ReplaceFullPath", "replaceFullPath", r.get("uri")));
    }
    int code = r.get("redirectCode") instanceof Number n ? n.intValue() : 301;
    if (code != 301 && code != 302) {
      notes.warn(
          vs,
          at(vs, flat, "redirect"),
          "redirectCode "
              + code
              + ": Gateway API's RequestRedirect has 301 and 302; 302 is written");
      code = 302;
    }
    rr.put("statusCode", code);
    return ordered("type", "RequestRedirect", "requestRedirect", rr);
  }

  private Map<String, Object> rewrite(
      Manifest vs, IstioDelegates.FlatRule flat, Map<?, ?> r, List<?> matches) {
    Map<String, Object> rw = new LinkedHashMap<>();
    if (r.get("authority") != null) {
      rw.put("hostname", r.get("authority"));
    }
    if (r.get("uri") != null) {
      boolean prefix =
          !matches.isEmpty() && map(map(matches.get(0)).get("uri")).get("prefix") != null;
      rw.put(
          "path",
          prefix
              ? ordered("type", "ReplacePrefixMatch", "replacePrefixMatch", r.get("uri"))
              : ordered("type", "ReplaceFullPath", "replaceFullPath", r.get("uri")));
    }
    if (r.get("uriRegexRewrite") != null) {
      notes.warn(
          vs,
          at(vs, flat, "rewrite"),
          "uriRegexRewrite has no equivalent in Gateway API and is not converted");
    }
    return rw.isEmpty() ? null : ordered("type", "URLRewrite", "urlRewrite", rw);
  }

  private static List<Object> headerFilters(Map<?, ?> h) {
    List<Object> out = new ArrayList<>();
    for (String side : new String[] {"request", "response"}) {
      Map<?, ?> ops = map(h.get(side));
      Map<String, Object> mod = new LinkedHashMap<>();
      for (String op : new String[] {"set", "add"}) {
        List<Object> list = new ArrayList<>();
        map(ops.get(op))
            .forEach(
                (k, v) -> list.add(ordered("name", String.valueOf(k), "value", String.valueOf(v))));
        if (!list.isEmpty()) {
          mod.put(op, list);
        }
      }
      if (!list(ops.get("remove")).isEmpty()) {
        mod.put("remove", list(ops.get("remove")));
      }
      if (!mod.isEmpty()) {
        String type = side.equals("request") ? "RequestHeaderModifier" : "ResponseHeaderModifier";
        String key = side.equals("request") ? "requestHeaderModifier" : "responseHeaderModifier";
        out.add(ordered("type", type, key, mod));
      }
    }
    return out;
  }

  /**
   * A destination as a backendRef: a Service of the cluster by name (and namespace when another), a
   * subset as the Service {@code <name>-<subset>} that must select the subset's pods.
   */
  private Map<String, Object> backendRef(
      Manifest vs,
      String routeKind,
      String namespace,
      SourceSpan where,
      Map<?, ?> d,
      Object weight) {
    String host = String.valueOf(d.get("host"));
    String fqdn = IstioHosts.fqdn(host, namespace);
    Map<String, Object> ref = new LinkedHashMap<>();
    String name = host;
    String ns = vs.namespace();
    IstioHosts.Service svc = IstioHosts.service(fqdn);
    if (svc != null) {
      name = svc.name();
      ns = svc.namespace();
    } else {
      notes.warn(
          vs,
          where,
          "destination '"
              + host
              + "' is not a Service of the cluster (a ServiceEntry host?): written as a Service named '"
              + host
              + "'");
    }
    Object subset = d.get("subset");
    Manifest service = services.get(ns + "/" + name);
    if (subset != null
        && options.subsetServices()
        && service != null
        && subsetLabels.get(fqdn + "#" + subset) != null) {
      String generatedName = name + "-" + subset;
      generated.computeIfAbsent(
          ns + "/" + generatedName,
          k -> subsetService(service, generatedName, subsetLabels.get(fqdn + "#" + subset)));
      notes.info(
          vs,
          where,
          "subset '"
              + subset
              + "' of "
              + fqdn
              + ": Service '"
              + generatedName
              + "' generated from Service '"
              + name
              + "', its selector joined by the subset's labels "
              + subsetLabels.get(fqdn + "#" + subset));
      name = generatedName;
    } else if (subset != null) {
      Map<String, Object> labels = subsetLabels.get(fqdn + "#" + subset);
      notes.warn(
          vs,
          where,
          "subset '"
              + subset
              + "' of "
              + fqdn
              + " has no Gateway API equivalent: the backendRef names Service '"
              + name
              + "-"
              + subset
              + "', which must select the subset's pods"
              + (labels == null ? "" : " (labels " + labels + "; --subset-services generates it)"));
      name = name + "-" + subset;
    }
    ref.put("name", name);
    if (!ns.equals(vs.namespace())) {
      ref.put("namespace", ns);
      grant(vs, where, routeKind, ns);
    }
    Object port = map(d.get("port")).get("number");
    List<Object> ports =
        servicePorts.get(
            ns
                + "/"
                + (subset == null
                    ? name
                    : name.substring(0, name.length() - subset.toString().length() - 1)));
    if (port == null && ports != null && ports.size() == 1) {
      port = ports.get(0); // Istio's default: the Service's only port
    }
    if (port != null) {
      ref.put("port", port);
    } else {
      notes.error(
          vs,
          where,
          "destination '"
              + host
              + "' names no port and the input has no Service with a single port for it: a"
              + " backendRef to a Service needs a port");
    }
    if (weight != null) {
      ref.put("weight", weight);
    }
    return ref;
  }

  /**
   * A ReferenceGrant in {@code namespace} that lets routes of {@code routeKind} in the
   * VirtualService's namespace send to Services there (Istio needs none: any VirtualService may
   * name any host; Gateway API refuses a cross-namespace backendRef without one).
   */
  private void grant(Manifest vs, SourceSpan where, String routeKind, String namespace) {
    String from = vs.namespace();
    String key = namespace + "/" + from + "/" + routeKind;
    if (grants.containsKey(key)) {
      return;
    }
    String name = Names.dns(routeKind.toLowerCase(java.util.Locale.ROOT) + "s-from-" + from);
    Map<String, Object> grant =
        ordered("apiVersion", "gateway.networking.k8s.io/v1beta1", "kind", "ReferenceGrant");
    grant.put(
        "metadata",
        ordered(
            "name",
            name,
            "namespace",
            namespace,
            "annotations",
            ordered(Names.SOURCE_ANNOTATION, origin(vs))));
    grant.put(
        "spec",
        ordered(
            "from",
            List.of(
                ordered(
                    "group", "gateway.networking.k8s.io", "kind", routeKind, "namespace", from)),
            "to",
            List.of(ordered("group", "", "kind", "Service"))));
    grants.put(key, grant);
    notes.info(
        vs,
        where,
        "destination in namespace '"
            + namespace
            + "': ReferenceGrant "
            + namespace
            + "/"
            + name
            + " generated to let "
            + routeKind
            + "s of '"
            + from
            + "' send there");
  }

  /** A Service like {@code service}, named {@code name}, selecting its pods of a subset. */
  private Map<String, Object> subsetService(
      Manifest service, String name, Map<String, Object> labels) {
    Map<?, ?> spec = map(service.root().toPlain().get("spec"));
    Map<String, Object> selector = new TreeMap<>(plain(spec.get("selector")));
    selector.putAll(labels);
    Map<String, Object> out = ordered("apiVersion", "v1", "kind", "Service");
    out.put(
        "metadata",
        ordered(
            "name",
            name,
            "namespace",
            service.namespace(),
            "annotations",
            ordered(Names.SOURCE_ANNOTATION, origin(service))));
    out.put("spec", ordered("selector", selector, "ports", spec.get("ports")));
    return out;
  }

  private Map<String, Object> object(String kind, Manifest source, String name) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("apiVersion", "gateway.networking.k8s.io/v1");
    o.put("kind", kind);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("name", name);
    meta.put("namespace", source.namespace());
    meta.put("annotations", Map.of(Names.SOURCE_ANNOTATION, origin(source)));
    o.put("metadata", meta);
    return o;
  }

  /**
   * The span of the node at {@code path} under an {@code http[]} rule; a rule taken from a delegate
   * is reported at the root's rule that delegates.
   */
  private static SourceSpan at(Manifest vs, IstioDelegates.FlatRule flat, Object... path) {
    if (flat.via() != null) {
      return span(vs, "spec", "http", flat.rootIndex());
    }
    Object[] full = new Object[path.length + 3];
    full[0] = "spec";
    full[1] = "http";
    full[2] = flat.rootIndex();
    System.arraycopy(path, 0, full, 3, path.length);
    return span(vs, full);
  }

  /** The span of the node at {@code path} under the manifest's root (or the nearest above it). */
  private static SourceSpan span(Manifest m, Object... path) {
    YNode at = m.root();
    for (Object step : path) {
      YNode next = null;
      if (step instanceof String key && at instanceof YMap map) {
        next = map.get(key);
      } else if (step instanceof Integer index
          && at instanceof dev.gwc.yaml.YSeq seq
          && index < seq.items().size()) {
        next = seq.items().get(index);
      }
      if (next == null) {
        break;
      }
      at = next;
    }
    return at.span();
  }

  /** A map that keeps the order its keys are written in (output must be the same every run). */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      out.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }

  private static Map<?, ?> map(Object o) {
    return o instanceof Map<?, ?> m ? m : Map.of();
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  private static Map<String, Object> plain(Object o) {
    Map<String, Object> out = new TreeMap<>();
    map(o).forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }
}
