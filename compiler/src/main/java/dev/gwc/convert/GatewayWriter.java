package dev.gwc.convert;

import dev.gwc.convert.IngressSource.TlsEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes one Gateway: an HTTP listener on port 80 and an HTTPS listener on 443 per TLS host, with
 * the Ingress's Secret as certificate, plus the ReferenceGrants that let the Gateway read Secrets
 * in other namespaces. The first (oldest) Ingress to name a TLS host decides its Secret.
 */
final class GatewayWriter {
  private final GatewayPlan plan;
  private final Notes notes;

  /** HTTPS listeners by name: the host and the Secret's namespace/name. */
  private final Map<String, String[]> https = new TreeMap<>();

  GatewayWriter(GatewayPlan plan, Notes notes) {
    this.plan = plan;
    this.notes = notes;
    for (IngressSource ing : plan.ingresses()) {
      for (TlsEntry t : ing.tls()) {
        addTls(ing, t);
      }
    }
  }

  /** The hosts that have an HTTPS listener, "" for the listener without hostname. */
  static java.util.Set<String> tlsHosts(List<IngressSource> ingresses) {
    java.util.Set<String> out = new TreeSet<>();
    for (IngressSource ing : ingresses) {
      for (TlsEntry t : ing.tls()) {
        if (t.secret() != null) {
          out.addAll(t.hosts().isEmpty() ? List.of("") : t.hosts());
        }
      }
    }
    return out;
  }

  private void addTls(IngressSource ing, TlsEntry t) {
    if (t.secret() == null) {
      notes.warn(
          ing.manifest(),
          t.span(),
          "TLS entry without secretName (ingress-nginx's default certificate) has no Gateway API"
              + " equivalent; no HTTPS listener for "
              + (t.hosts().isEmpty() ? "it" : "'" + String.join("', '", t.hosts()) + "'"));
      return;
    }
    if (t.hosts().isEmpty()) {
      notes.info(
          ing.manifest(),
          t.span(),
          "TLS entry without hosts: ingress-nginx uses its Secret only for hosts the certificate"
              + " names and does not redirect rules without host ('(any)') to HTTPS; converted as"
              + " an HTTPS listener without hostname, and plain HTTP is redirected");
    }
    for (String host : t.hosts().isEmpty() ? List.of("") : t.hosts()) {
      String name = Names.httpsListener(host);
      String[] existing = https.get(name);
      String secret = ing.namespace() + "/" + t.secret();
      if (existing == null) {
        https.put(name, new String[] {host, ing.namespace(), t.secret(), ing.id()});
      } else if (!(existing[1] + "/" + existing[2]).equals(secret)) {
        notes.warn(
            ing.manifest(),
            t.span(),
            "TLS host '"
                + DraftPlanner.hostLabel(host)
                + "' already has Secret '"
                + existing[1]
                + "/"
                + existing[2]
                + "' from the older Ingress '"
                + existing[3]
                + "'; Secret '"
                + secret
                + "' is not used");
      }
    }
  }

  /** The names of the listeners. */
  java.util.Set<String> listenerNames() {
    java.util.Set<String> out = new TreeSet<>(https.keySet());
    out.add(Names.HTTP_LISTENER);
    return out;
  }

  /** The Gateway and its ReferenceGrants. */
  List<Map<String, Object>> write() {
    boolean shared =
        plan.ingresses().stream().allMatch(i -> i.namespace().equals(plan.namespace()));
    Map<String, Object> allowed = Maps.of("namespaces", Maps.of("from", shared ? "Same" : "All"));
    List<Object> listeners = new ArrayList<>();
    listeners.add(
        Maps.of(
            "name",
            Names.HTTP_LISTENER,
            "protocol",
            "HTTP",
            "port",
            80L,
            "allowedRoutes",
            allowed));
    Map<String, java.util.Set<String>> grants = new TreeMap<>();
    for (Map.Entry<String, String[]> e : https.entrySet()) {
      String[] v = e.getValue();
      boolean cross = !v[1].equals(plan.namespace());
      if (cross) {
        grants.computeIfAbsent(v[1], k -> new TreeSet<>()).add(v[2]);
      }
      listeners.add(
          Maps.of(
              "name",
              e.getKey(),
              "protocol",
              "HTTPS",
              "port",
              443L,
              "hostname",
              v[0].isEmpty() ? null : v[0],
              "tls",
              Maps.of(
                  "mode",
                  "Terminate",
                  "certificateRefs",
                  List.of(
                      Maps.of("kind", "Secret", "name", v[2], "namespace", cross ? v[1] : null))),
              "allowedRoutes",
              allowed));
    }
    List<Map<String, Object>> out = new ArrayList<>();
    out.add(
        Maps.of(
            "apiVersion",
            RouteWriter.GROUP + "/v1",
            "kind",
            "Gateway",
            "metadata",
            Maps.of(
                "name",
                plan.name(),
                "namespace",
                plan.namespace(),
                "annotations",
                Maps.of(Names.SOURCE_ANNOTATION, sources())),
            "spec",
            Maps.of("gatewayClassName", plan.gatewayClassName(), "listeners", listeners)));
    grants.forEach((ns, secrets) -> out.add(grant(ns, secrets)));
    return out;
  }

  private String sources() {
    java.util.Set<String> ids = new TreeSet<>();
    plan.ingresses().forEach(i -> ids.add(i.id()));
    return String.join(",", ids);
  }

  private Map<String, Object> grant(String namespace, java.util.Set<String> secrets) {
    List<Object> to = new ArrayList<>();
    java.util.Set<String> ids = new TreeSet<>();
    for (String s : secrets) {
      to.add(Maps.of("group", "", "kind", "Secret", "name", s));
    }
    for (String[] v : https.values()) {
      if (v[1].equals(namespace)) {
        ids.add(v[3]);
      }
    }
    return Maps.of(
        "apiVersion",
        RouteWriter.GROUP + "/v1beta1",
        "kind",
        "ReferenceGrant",
        "metadata",
        Maps.of(
            "name",
            Names.dns("gateway-" + plan.namespace() + "-" + plan.name() + "-certificates"),
            "namespace",
            namespace,
            "annotations",
            Maps.of(Names.SOURCE_ANNOTATION, String.join(",", ids))),
        "spec",
        Maps.of(
            "from",
            List.of(
                Maps.of(
                    "group", RouteWriter.GROUP, "kind", "Gateway", "namespace", plan.namespace())),
            "to",
            to));
  }
}
