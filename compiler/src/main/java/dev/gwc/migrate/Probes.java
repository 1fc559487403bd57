package dev.gwc.migrate;

import dev.gwc.istio.IstioDelegates;
import dev.gwc.nginx.IngressNginx;
import dev.gwc.regex.Examples;
import dev.gwc.resource.Manifest;
import dev.gwc.table.HeaderList;
import dev.gwc.table.IngressTable;
import dev.gwc.table.NginxOptions;
import dev.gwc.table.Request;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import dev.gwc.yaml.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Requests generated from the rules of two sets, at every boundary where two routings can disagree:
 * per host and path, the path itself, a sub-path, a sibling that shares its text but not its
 * segment ({@code /foo} → {@code /foox}), the path with its trailing slash toggled, the path in
 * upper case; the root of every host; an unknown host; a host one label deeper than a wildcard;
 * canary headers and cookies; over http, and https where a host has TLS.
 */
public final class Probes {
  /** The host no rule names. */
  public static final String UNKNOWN_HOST = "unknown.probe.invalid";

  private static final String META = "^$*+?()[]{}|\\.";

  /**
   * A generated request.
   *
   * @param request the request
   * @param origin why it was generated, e.g. {@code sibling of '/foo'}
   * @param host the host of the rule it was generated from, or null
   * @param path the path of the rule it was generated from, or null
   * @param annotation the annotation it exercises (e.g. canary-by-cookie), or null
   */
  public record Probe(Request request, String origin, String host, String path, String annotation) {
    /** A request that was given, not generated. */
    public static Probe given(Request request, String origin) {
      return new Probe(request, origin, null, null, null);
    }
  }

  private final Map<String, Probe> probes = new LinkedHashMap<>();
  private final Set<String> tlsHosts = new LinkedHashSet<>();
  private final Map<String, Set<String>> paths = new LinkedHashMap<>();
  private final Set<String> grpc = new LinkedHashSet<>();
  private final List<String[]> headers = new ArrayList<>();
  // Istio: the paths of each VirtualService (ns/name), and the hosts of the roots delegating to it.
  private final Map<String, Set<String>> virtualServicePaths = new LinkedHashMap<>();
  private final Map<String, Set<String>> delegatedHosts = new LinkedHashMap<>();

  private Probes() {}

  /** The probes of the rules of both sets, in a stable order. */
  public static List<Probe> of(List<Manifest> old, List<Manifest> now) {
    Probes p = new Probes();
    for (List<Manifest> set : List.of(old, now)) {
      for (Manifest m : set) {
        if (m.group().equals("networking.istio.io") && m.kind().equals("VirtualService")) {
          p.virtualService(m);
          continue;
        }
        if (!m.group().equals("networking.k8s.io")
            && !m.group().startsWith("gateway.networking.")) {
          continue; // another project's kinds of the same names (Istio's Gateway) are not these
        }
        switch (m.kind()) {
          case "Ingress" -> p.ingress(m);
          case "HTTPRoute" -> p.httpRoute(m);
          case "GRPCRoute" -> p.grpcRoute(m);
          case "Gateway" -> p.gateway(m);
          default -> {}
        }
      }
    }
    return p.generate();
  }

  private void ingress(Manifest m) {
    if (!(m.root().get("spec") instanceof YMap spec)) {
      return;
    }
    if (spec.get("tls") instanceof YSeq tls) {
      for (YNode t : tls.items()) {
        if (t instanceof YMap e) {
          tlsHosts.addAll(YSeq.strings(e.get("hosts")));
        }
      }
    }
    NginxOptions o = NginxOptions.read(IngressTable.annotations(m.root()));
    List<YNode> rules = spec.get("rules") instanceof YSeq s ? s.items() : List.of();
    for (YNode n : rules) {
      if (!(n instanceof YMap rule)) {
        continue;
      }
      String host = rule.string("host") == null ? UNKNOWN_HOST : rule.string("host");
      Set<String> ps = paths.computeIfAbsent(host, h -> new LinkedHashSet<>());
      ps.add("/");
      if (rule.get("http") instanceof YMap http && http.get("paths") instanceof YSeq seq) {
        for (YNode pn : seq.items()) {
          if (pn instanceof YMap p) {
            String path = p.string("path") == null ? "/" : p.string("path");
            ps.add(path);
            if (isGrpc(m)) {
              grpc.add(host + " " + path);
            }
            if (o.canary() != null) {
              canary(host, literal(path), o.canary());
            }
          }
        }
      }
    }
  }

  private static boolean isGrpc(Manifest m) {
    String p =
        IngressTable.annotations(m.root()).get(IngressNginx.PREFIX + IngressNginx.BACKEND_PROTOCOL);
    return p != null && p.strip().toUpperCase(Locale.ROOT).startsWith("GRPC");
  }

  private void canary(String host, String path, NginxOptions.Canary c) {
    if (c.header() != null) {
      for (String v : new String[] {"always", "never", c.headerValue()}) {
        if (v != null) {
          headers.add(new String[] {host, path, c.header(), v, "canary-by-header"});
        }
      }
    }
    if (c.cookie() != null) {
      headers.add(new String[] {host, path, "cookie", c.cookie() + "=always", "canary-by-cookie"});
      headers.add(new String[] {host, path, "cookie", c.cookie() + "=never", "canary-by-cookie"});
    }
  }

  private void grpcRoute(Manifest m) {
    if (!(m.root().get("spec") instanceof YMap spec)) {
      return;
    }
    List<String> hosts = YSeq.strings(spec.get("hostnames"));
    for (String h : hosts.isEmpty() ? List.of(UNKNOWN_HOST) : hosts) {
      Set<String> ps = paths.computeIfAbsent(h, k -> new LinkedHashSet<>());
      if (spec.get("rules") instanceof YSeq rules) {
        for (YNode r : rules.items()) {
          if (r instanceof YMap rule && rule.get("matches") instanceof YSeq matches) {
            for (YNode mn : matches.items()) {
              if (mn instanceof YMap match
                  && match.get("method") instanceof YMap method
                  && method.string("service") != null) {
                String path =
                    "/"
                        + method.string("service")
                        + (method.string("method") == null ? "" : "/" + method.string("method"));
                ps.add(path);
                grpc.add(h + " " + path);
              }
            }
          }
        }
      }
    }
  }

  private void httpRoute(Manifest m) {
    if (!(m.root().get("spec") instanceof YMap spec)) {
      return;
    }
    List<String> hosts = YSeq.strings(spec.get("hostnames"));
    if (hosts.isEmpty()) {
      hosts = List.of(UNKNOWN_HOST);
    }
    Set<String> ps = new LinkedHashSet<>(List.of("/"));
    if (spec.get("rules") instanceof YSeq rules) {
      for (YNode r : rules.items()) {
        if (r instanceof YMap rule && rule.get("matches") instanceof YSeq matches) {
          for (YNode mn : matches.items()) {
            if (mn instanceof YMap match
                && match.get("path") instanceof YMap path
                && path.string("value") != null) {
              ps.add(path.string("value"));
            }
          }
        }
      }
    }
    for (String h : hosts) {
      paths.computeIfAbsent(h, k -> new LinkedHashSet<>()).addAll(ps);
    }
  }

  /**
   * An Istio VirtualService: its hosts with the paths its exact and prefix uri matches name (a
   * regex match names no path to probe). Istio tries rules in order where Gateway API orders them
   * by specificity, so these paths, their siblings and sub-paths are where a conversion can differ.
   */
  private void virtualService(Manifest m) {
    if (!(m.root().get("spec") instanceof YMap spec)) {
      return;
    }
    Set<String> ps = new LinkedHashSet<>(List.of("/"));
    List<String> hosts = YSeq.strings(spec.get("hosts"));
    if (spec.get("http") instanceof YSeq rules) {
      for (YNode r : rules.items()) {
        String delegate =
            r instanceof YMap rule
                ? IstioDelegates.delegateOf(rule.toPlain(), m.namespace())
                : null;
        if (delegate != null) {
          delegatedHosts.computeIfAbsent(delegate, k -> new LinkedHashSet<>()).addAll(hosts);
        }
        if (r instanceof YMap rule && rule.get("match") instanceof YSeq matches) {
          for (YNode mn : matches.items()) {
            if (mn instanceof YMap match && match.get("uri") instanceof YMap uri) {
              String v = uri.string("exact") != null ? uri.string("exact") : uri.string("prefix");
              if (v != null && v.startsWith("/")) {
                ps.add(v);
              }
            }
          }
        }
      }
    }
    virtualServicePaths
        .computeIfAbsent(m.namespace() + "/" + m.name(), k -> new LinkedHashSet<>())
        .addAll(ps);
    addPaths(hosts, ps);
  }

  private void addPaths(java.util.Collection<String> hosts, Set<String> ps) {
    for (String h : hosts) {
      paths
          .computeIfAbsent(h.equals("*") ? UNKNOWN_HOST : h, k -> new LinkedHashSet<>())
          .addAll(ps);
    }
  }

  private void gateway(Manifest m) {
    if (m.root().get("spec") instanceof YMap spec && spec.get("listeners") instanceof YSeq ls) {
      for (YNode n : ls.items()) {
        if (n instanceof YMap l
            && "HTTPS".equals(l.string("protocol"))
            && l.string("hostname") != null) {
          tlsHosts.add(l.string("hostname"));
        }
      }
    }
  }

  private List<Probe> generate() {
    // A delegate VirtualService has no hosts of its own: its paths are probed on its roots' hosts.
    delegatedHosts.forEach(
        (delegate, hosts) -> addPaths(hosts, virtualServicePaths.getOrDefault(delegate, Set.of())));
    paths.computeIfAbsent(UNKNOWN_HOST, h -> new LinkedHashSet<>()).add("/");
    for (Map.Entry<String, Set<String>> e : paths.entrySet()) {
      String pattern = e.getKey();
      List<String> hosts = new ArrayList<>();
      if (pattern.startsWith("*.")) {
        hosts.add("probe" + pattern.substring(1));
        hosts.add("a.probe" + pattern.substring(1));
      } else {
        hosts.add(pattern);
      }
      boolean tls = tlsHosts.contains(pattern);
      for (String host : hosts) {
        // a name one label deeper than a wildcard only needs the host boundary: its root
        for (String path : host.startsWith("a.probe.") ? List.of("/") : e.getValue()) {
          variants(pattern, host, path, tls, grpc.contains(pattern + " " + path));
        }
      }
    }
    for (String[] h : headers) {
      String host = h[0].startsWith("*.") ? "probe" + h[0].substring(1) : h[0];
      Probe source = new Probe(null, null, h[0], h[1], h[4]);
      for (String scheme : tlsHosts.contains(h[0]) ? List.of("http", "https") : List.of("http")) {
        add(
            scheme,
            host,
            h[1],
            List.of(new HeaderList.Header(h[2], h[3])),
            "canary " + h[2] + ": " + h[3],
            source);
      }
    }
    return List.copyOf(probes.values());
  }

  /**
   * The variants of one path; a gRPC path is probed as gRPC (POST, application/grpc) and only over
   * https when the host has TLS, since gRPC clients do not follow redirects.
   */
  private void variants(String pattern, String host, String path, boolean tls, boolean isGrpc) {
    Probe source = new Probe(null, null, pattern, path, null);
    String lit = literal(path);
    String base = lit.endsWith("/") ? lit.substring(0, lit.length() - 1) : lit;
    String q = "'" + path + "'";
    Map<String, String> out = new LinkedHashMap<>();
    out.put(lit, "path " + q);
    out.putIfAbsent(base + "/probe", "sub-path of " + q);
    if (!base.isEmpty()) {
      out.putIfAbsent(base + "x", "sibling of " + q);
      out.putIfAbsent(lit.endsWith("/") ? base : lit + "/", "trailing slash toggled on " + q);
    }
    if (!lit.equals(path)) {
      // A regular expression: a path that fills each of its capture groups, so that a rewrite
      // that uses them ($1, $2) shows what it makes of them.
      String filled = Examples.of(path);
      if (filled != null) {
        out.putIfAbsent(filled, "capture groups of " + q + " filled");
      }
    }
    String upper = lit.toUpperCase(Locale.ROOT);
    if (!upper.equals(lit)) {
      out.putIfAbsent(upper, "upper case of " + q);
    }
    List<HeaderList.Header> hs =
        isGrpc ? List.of(new HeaderList.Header("content-type", "application/grpc")) : List.of();
    for (Map.Entry<String, String> v : out.entrySet()) {
      if (!(isGrpc && tls)) {
        add("http", host, v.getKey(), hs, v.getValue(), source);
      }
      if (tls) {
        add("https", host, v.getKey(), hs, v.getValue(), source);
      }
    }
  }

  private void add(
      String scheme,
      String host,
      String path,
      List<HeaderList.Header> hs,
      String origin,
      Probe source) {
    String key = scheme + " " + host + " " + path + " " + hs;
    boolean isGrpc = hs.stream().anyMatch(h -> h.value().equals("application/grpc"));
    if (probes.containsKey(key)
        || !path.startsWith("/")
        || (isGrpc && !path.matches("/[^/]+/[^/]+"))) {
      return; // a gRPC call is POST /package.Service/Method
    }
    Request r =
        new Request(
            isGrpc ? "POST" : "GET",
            scheme,
            host,
            Request.defaultPort(scheme),
            path,
            null,
            new HeaderList(hs),
            HeaderList.EMPTY);
    probes.put(key, new Probe(r, origin, source.host(), source.path(), source.annotation()));
  }

  /** The literal start of a path that may be a regular expression ({@code /v1(/|$)(.*)} → /v1). */
  static String literal(String path) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      char next = i + 1 < path.length() ? path.charAt(i + 1) : 0;
      if ("*?{".indexOf(next) >= 0 && next != 0) {
        break; // the character is optional or repeated
      }
      if (c == '.' ? next == '+' : META.indexOf(c) >= 0) {
        break; // a dot is a literal character far more often than a wildcard in paths
      }
      sb.append(c);
    }
    return sb.length() == 0 ? "/" : sb.toString();
  }
}
