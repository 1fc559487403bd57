package dev.gwc.convert;

import dev.gwc.convert.IngressSource.Backend;
import dev.gwc.convert.IngressSource.PathRule;
import dev.gwc.convert.IngressSource.TlsEntry;
import dev.gwc.resource.Manifest;
import dev.gwc.yaml.YEntry;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import dev.gwc.yaml.YScalar;
import dev.gwc.yaml.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an Ingress tree into an {@link IngressSource}: the class (spec.ingressClassName, then the
 * legacy annotation, then the default IngressClass), backends with named ports resolved through the
 * Services of the input, and TLS entries. What it cannot read is reported where it is written.
 */
final class IngressReader {
  static final String LEGACY_CLASS = "kubernetes.io/ingress.class";

  /** The class of Ingresses that name none when there is no default IngressClass. */
  static final String FALLBACK_CLASS = "nginx";

  private final Inventory inventory;
  private final Notes notes;

  IngressReader(Inventory inventory, Notes notes) {
    this.inventory = inventory;
    this.notes = notes;
  }

  IngressSource read(Manifest m) {
    YMap spec = m.root().get("spec") instanceof YMap s ? s : new YMap(m.root().span(), List.of());
    List<Annotation> annotations = annotations(m.root());
    String created =
        m.root().get("metadata") instanceof YMap meta ? meta.string("creationTimestamp") : null;
    Backend defaultBackend = null;
    if (spec.get("defaultBackend") instanceof YMap db) {
      defaultBackend = backend(m, db, "the defaultBackend");
    }
    List<TlsEntry> tls = new ArrayList<>();
    if (spec.get("tls") instanceof YSeq seq) {
      for (YNode n : seq.items()) {
        if (n instanceof YMap t) {
          tls.add(new TlsEntry(YSeq.strings(t.get("hosts")), t.string("secretName"), t.span()));
        }
      }
    }
    List<PathRule> paths = new ArrayList<>();
    Set<String> hosts = new LinkedHashSet<>();
    if (spec.get("rules") instanceof YSeq rules) {
      for (YNode r : rules.items()) {
        if (r instanceof YMap rule) {
          readRule(m, rule, paths, hosts);
        }
      }
    }
    if (paths.isEmpty()
        && defaultBackend == null
        && !(spec.get("defaultBackend") instanceof YMap)) {
      notes.warn(
          m,
          m.nameSpan(),
          "Ingress has no paths and no defaultBackend that can be read; nothing of it is converted");
    }
    return new IngressSource(
        m,
        className(m, spec, annotations),
        annotations,
        defaultBackend,
        tls,
        paths,
        List.copyOf(hosts),
        created);
  }

  private void readRule(Manifest m, YMap rule, List<PathRule> paths, Set<String> hosts) {
    String host = rule.string("host") == null ? "" : rule.string("host");
    hosts.add(host);
    if (host.startsWith("*.")) {
      notes.info(
          m,
          rule.get("host").span(),
          "ingress-nginx matches wildcard host '"
              + host
              + "' for exactly one label (the Ingress API's rule); a Gateway API hostname '"
              + host
              + "' also matches deeper names such as 'a.b"
              + host.substring(1)
              + "'");
    }
    if (!(rule.get("http") instanceof YMap http && http.get("paths") instanceof YSeq ps)) {
      notes.info(
          m,
          rule.span(),
          "rule for host '"
              + host
              + "' has no paths; requests to it reach the Ingress's default backend, if any");
      return;
    }
    for (YNode p : ps.items()) {
      if (!(p instanceof YMap pm)) {
        continue;
      }
      String path = pm.string("path") == null ? "/" : pm.string("path");
      if (pm.get("path") != null && pm.string("path") == null) {
        notes.warn(m, pm.get("path").span(), "path is not a string; read as '/'");
      }
      String type =
          pm.string("pathType") == null ? "ImplementationSpecific" : pm.string("pathType");
      Backend b =
          pm.get("backend") instanceof YMap bm ? backend(m, bm, "path '" + path + "'") : null;
      paths.add(new PathRule(host, path, type, b, pm.span()));
    }
  }

  /** A service backend with its port as a number, or null (reported). */
  private Backend backend(Manifest m, YMap backend, String where) {
    if (!(backend.get("service") instanceof YMap svc)) {
      notes.error(
          m,
          backend.span(),
          "resource backends (spec...backend.resource) have no Gateway API equivalent; "
              + where
              + " is converted without a backend and answers 500");
      return null;
    }
    String name = svc.string("name");
    YMap port = svc.get("port") instanceof YMap pm ? pm : null;
    if (name == null || port == null) {
      notes.error(m, svc.span(), "service backend without name or port; converted without it");
      return null;
    }
    if (port.get("number") instanceof YScalar n && n.value() instanceof Long number) {
      return new Backend(name, number);
    }
    String portName = port.string("name");
    if (portName == null) {
      notes.error(
          m, port.span(), "service port is neither a number nor a name; converted without it");
      return null;
    }
    Long number =
        inventory
            .servicePorts()
            .getOrDefault(m.namespace() + "/" + name, java.util.Map.of())
            .get(portName);
    if (number == null) {
      boolean known = inventory.servicePorts().containsKey(m.namespace() + "/" + name);
      notes.error(
          m,
          port.span(),
          "port name '"
              + portName
              + "' of Service '"
              + m.namespace()
              + "/"
              + name
              + "' cannot be resolved to a number ("
              + (known ? "the Service has no port of that name" : "the Service is not in the input")
              + "); backendRefs need a port number, so the path is converted without this backend");
      return null;
    }
    return new Backend(name, number);
  }

  private String className(Manifest m, YMap spec, List<Annotation> annotations) {
    if (spec.string("ingressClassName") != null) {
      return spec.string("ingressClassName");
    }
    for (Annotation a : annotations) {
      if (a.key().equals(LEGACY_CLASS)) {
        return a.value();
      }
    }
    if (inventory.defaultClass() != null) {
      return inventory.defaultClass();
    }
    notes.warn(
        m,
        m.nameSpan(),
        "Ingress names no class and no IngressClass in the input is marked default; treated as"
            + " class '"
            + FALLBACK_CLASS
            + "' (ingress-nginx serves it only with --watch-ingress-without-class)");
    return FALLBACK_CLASS;
  }

  private static List<Annotation> annotations(YMap root) {
    List<Annotation> out = new ArrayList<>();
    if (root.get("metadata") instanceof YMap meta && meta.get("annotations") instanceof YMap a) {
      for (YEntry e : a.entries()) {
        String value = e.value() instanceof YScalar s && !s.isNull() ? s.text() : "";
        out.add(new Annotation(e.name(), value, e.key().span()));
      }
    }
    return out;
  }
}
