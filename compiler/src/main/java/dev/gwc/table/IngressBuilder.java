package dev.gwc.table;

import dev.gwc.resource.Manifest;
import dev.gwc.resource.ServicePorts;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import dev.gwc.yaml.YScalar;
import dev.gwc.yaml.YSeq;
import java.util.List;
import java.util.Map;

/**
 * Puts the rules of one Ingress into the servers of its class, as ingress-nginx does: a server per
 * host (its root location takes the Ingress's defaultBackend and annotations), a location per path
 * unless an older Ingress has it, canaries on their primary's location, TLS on the hosts of
 * spec.tls.
 */
final class IngressBuilder {
  private final Map<String, ServicePorts> ports;
  private final boolean complete;

  /**
   * @param ports the Services of the input by {@code namespace/name}
   * @param complete whether a Service not in the input does not exist ({@code --complete})
   */
  IngressBuilder(Map<String, ServicePorts> ports, boolean complete) {
    this.complete = complete;
    this.ports = ports;
  }

  /** A resolved backend: the ref, or why it cannot be reached. */
  private record Target(BackendRef ref, String problem) {}

  void add(IngressTable.IngressClassTable t, Manifest m, NginxOptions options) {
    RouteId id = new RouteId("Ingress", m.namespace(), m.name(), IngressTable.created(m));
    YMap spec = m.root().get("spec") instanceof YMap s ? s : new YMap(m.root().span(), List.of());
    Target fallback =
        spec.get("defaultBackend") instanceof YMap db ? target(m, db) : new Target(null, null);
    List<YNode> rules = spec.get("rules") instanceof YSeq seq ? seq.items() : List.of();
    if (options.canary() != null) {
      canary(t, m, id, rules, options);
      return;
    }
    if (rules.isEmpty() && fallback.ref() != null) {
      IngressServer def = t.exact.get(IngressTable.DEFAULT_SERVER);
      if (def.locations().get(0).root() && def.locations().get(0).backend() == null) {
        def.locations().set(0, root(id, fallback, options.withoutRedirectAndRewrite()));
      }
    }
    for (int r = 0; r < rules.size(); r++) {
      if (!(rules.get(r) instanceof YMap rule)) {
        continue;
      }
      String host = rule.string("host") == null ? IngressTable.DEFAULT_SERVER : rule.string("host");
      IngressServer server = t.serverNamed(host);
      if (server == null) {
        server = new IngressServer(host, root(id, fallback, options));
        if (host.startsWith("*.")) {
          t.wildcards.add(server);
        } else {
          t.exact.put(host, server);
        }
      }
      if (options.regex()) {
        server.regex();
      }
      List<YNode> paths = paths(rule);
      for (int i = 0; i < paths.size(); i++) {
        if (paths.get(i) instanceof YMap p) {
          Target b = p.get("backend") instanceof YMap bm ? target(m, bm) : new Target(null, null);
          server.add(
              new IngressLocation(
                  id, r, i, path(p), pathType(p), b.ref(), b.problem(), options, List.of()));
        }
      }
    }
  }

  private void canary(
      IngressTable.IngressClassTable t,
      Manifest m,
      RouteId id,
      List<YNode> rules,
      NginxOptions options) {
    for (YNode n : rules) {
      if (!(n instanceof YMap rule)) {
        continue;
      }
      String host = rule.string("host") == null ? IngressTable.DEFAULT_SERVER : rule.string("host");
      IngressServer server = t.serverNamed(host);
      for (YNode pn : paths(rule)) {
        if (!(pn instanceof YMap p)) {
          continue;
        }
        Target b = p.get("backend") instanceof YMap bm ? target(m, bm) : new Target(null, null);
        IngressLocation.Canary c = new IngressLocation.Canary(id, b.ref(), options.canary());
        if (server == null || !server.addCanary(path(p), pathType(p), c)) {
          t.notes
              .computeIfAbsent(host, k -> new java.util.ArrayList<>())
              .add(
                  "canary Ingress "
                      + id.display()
                      + " has no primary for host '"
                      + host
                      + "' path '"
                      + path(p)
                      + "'; ingress-nginx ignores it");
        }
      }
    }
  }

  void tls(IngressTable.IngressClassTable t, Manifest m) {
    if (!(m.root().get("spec") instanceof YMap spec && spec.get("tls") instanceof YSeq seq)) {
      return;
    }
    for (YNode n : seq.items()) {
      if (n instanceof YMap entry && entry.get("hosts") instanceof YSeq hosts) {
        for (YNode h : hosts.items()) {
          if (h instanceof YScalar s && s.value() instanceof String host) {
            IngressServer server = t.serverNamed(host);
            if (server != null) {
              server.tls();
            }
          }
        }
      }
    }
  }

  private static IngressLocation root(RouteId id, Target fallback, NginxOptions options) {
    return new IngressLocation(
        id, -1, -1, "/", "Root", fallback.ref(), fallback.problem(), options, List.of());
  }

  private static List<YNode> paths(YMap rule) {
    return rule.get("http") instanceof YMap http && http.get("paths") instanceof YSeq ps
        ? ps.items()
        : List.of();
  }

  private static String path(YMap p) {
    return p.string("path") == null ? "/" : p.string("path");
  }

  private static String pathType(YMap p) {
    return p.string("pathType") == null ? "ImplementationSpecific" : p.string("pathType");
  }

  /** The Service port of a backend, a named port resolved through the Service in the input. */
  private Target target(Manifest m, YMap backend) {
    if (!(backend.get("service") instanceof YMap svc) || svc.string("name") == null) {
      return new Target(null, "a resource backend, which ingress-nginx does not proxy to");
    }
    String name = svc.string("name");
    String key = m.namespace() + "/" + name;
    YMap port = svc.get("port") instanceof YMap pm ? pm : new YMap(svc.span(), List.of());
    Integer number = null;
    boolean assumed = !ports.containsKey(key);
    if (port.get("number") instanceof YScalar n && n.value() instanceof Long l) {
      number = l.intValue();
      if (!assumed && !ports.get(key).numbers().contains(l)) {
        // No endpoints behind a port the Service does not have: nginx answers 503.
        String problem = "Service '" + key + "' has no port " + l;
        return new Target(
            new BackendRef(
                "", "Service", m.namespace(), name, number, 1, List.of(), problem, false),
            problem);
      }
    } else if (port.string("name") != null) {
      Long resolved = assumed ? null : ports.get(key).named().get(port.string("name"));
      if (resolved == null && !assumed) {
        String problem = "Service '" + key + "' has no port named '" + port.string("name") + "'";
        return new Target(
            new BackendRef("", "Service", m.namespace(), name, null, 1, List.of(), problem, false),
            problem);
      }
      number = resolved == null ? null : resolved.intValue();
    }
    if (assumed && complete) {
      // --complete: the Service does not exist, so nginx has no endpoints for it and answers 503.
      String problem = "Service '" + key + "' is not in the input (--complete)";
      return new Target(
          new BackendRef("", "Service", m.namespace(), name, number, 1, List.of(), problem, false),
          problem);
    }
    return new Target(
        new BackendRef("", "Service", m.namespace(), name, number, 1, List.of(), null, assumed),
        null);
  }
}
