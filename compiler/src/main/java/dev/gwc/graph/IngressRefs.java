package dev.gwc.graph;

import dev.gwc.diag.Diagnostic;
import dev.gwc.diag.Rule;
import dev.gwc.diag.Severity;
import dev.gwc.resource.Manifest;
import dev.gwc.resource.ServicePorts;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import dev.gwc.yaml.YScalar;
import dev.gwc.yaml.YSeq;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The references of Ingresses (networking.k8s.io/v1) to the Services and Secrets of the input: a
 * backend port that its Service in the input does not have (a number, or a name) is an error, as it
 * is for routes; with {@code --complete}, so is a backend Service or a TLS Secret that the input
 * does not hold. Without it an absent object is assumed to exist, as everywhere in gwc.
 */
public final class IngressRefs {
  private final boolean complete;

  private final Map<String, ServicePorts> services = new HashMap<>();
  private final Set<String> secrets = new HashSet<>();
  private final List<Diagnostic> out = new ArrayList<>();

  private IngressRefs(boolean complete) {
    this.complete = complete;
  }

  /** The findings about the Ingresses among the manifests (Services kept whole, Secrets any). */
  public static List<Diagnostic> check(List<Manifest> manifests, boolean complete) {
    IngressRefs c = new IngressRefs(complete);
    List<Manifest> ingresses = new ArrayList<>();
    for (Manifest m : manifests) {
      if (m.name() == null) {
        continue;
      }
      String key = m.namespace() + "/" + m.name();
      if (m.group().isEmpty() && m.kind().equals("Service") && m.root() != null) {
        c.services.put(key, ServicePorts.of(m.root()));
      } else if (m.group().isEmpty() && m.kind().equals("Secret")) {
        c.secrets.add(key);
      } else if (m.group().equals("networking.k8s.io")
          && m.kind().equals("Ingress")
          && m.apiVersion().equals("networking.k8s.io/v1")
          && m.root() != null) {
        ingresses.add(m);
      }
    }
    for (Manifest m : ingresses) {
      if (m.root().get("spec") instanceof YMap spec) {
        c.ingress(m, spec);
      }
    }
    return c.out;
  }

  private void ingress(Manifest m, YMap spec) {
    if (spec.get("defaultBackend") instanceof YMap b) {
      backend(m, b, "spec.defaultBackend");
    }
    if (spec.get("rules") instanceof YSeq rules) {
      for (int r = 0; r < rules.items().size(); r++) {
        if (rules.items().get(r) instanceof YMap rule
            && rule.get("http") instanceof YMap http
            && http.get("paths") instanceof YSeq paths) {
          for (int p = 0; p < paths.items().size(); p++) {
            if (paths.items().get(p) instanceof YMap path
                && path.get("backend") instanceof YMap b) {
              backend(m, b, "spec.rules[" + r + "].http.paths[" + p + "].backend");
            }
          }
        }
      }
    }
    if (complete && spec.get("tls") instanceof YSeq tls) {
      for (int t = 0; t < tls.items().size(); t++) {
        if (tls.items().get(t) instanceof YMap entry
            && entry.get("secretName") instanceof YScalar name
            && !name.isNull()
            && !secrets.contains(m.namespace() + "/" + name.text())) {
          report(
              GraphRules.INVALID_CERTIFICATE_REF,
              m,
              name,
              "spec.tls[" + t + "].secretName",
              "Secret '" + m.namespace() + "/" + name.text() + "' does not exist");
        }
      }
    }
  }

  private void backend(Manifest m, YMap backend, String path) {
    if (!(backend.get("service") instanceof YMap svc) || svc.string("name") == null) {
      return; // a resource backend: not a Service
    }
    String key = m.namespace() + "/" + svc.string("name");
    ServicePorts ports = services.get(key);
    if (ports == null) {
      if (complete) {
        report(
            GraphRules.BACKEND_NOT_FOUND,
            m,
            svc.get("name"),
            path + ".service.name",
            "Service '" + key + "' does not exist");
      }
      return;
    }
    if (!(svc.get("port") instanceof YMap port)) {
      return;
    }
    if (port.get("number") instanceof YScalar n && n.value() instanceof Long number) {
      if (!ports.numbers().contains(number)) {
        report(
            GraphRules.BACKEND_NOT_FOUND,
            m,
            n,
            path + ".service.port.number",
            "Service '" + key + "' has no port " + number + " (ports: " + ports.numbers() + ")");
      }
    } else if (port.get("name") instanceof YScalar name
        && !name.isNull()
        && !ports.named().containsKey(name.text())) {
      report(
          GraphRules.BACKEND_NOT_FOUND,
          m,
          name,
          path + ".service.port.name",
          "Service '" + key + "' has no port named '" + name.text() + "'");
    }
  }

  private void report(Rule rule, Manifest m, YNode at, String path, String message) {
    YNode node = at != null ? at : m.root();
    out.add(new Diagnostic(rule.id(), Severity.ERROR, node.span(), message, m.ref(), path));
  }
}
