package dev.gwc.convert;

import dev.gwc.convert.IngressSource.PathRule;
import dev.gwc.diag.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * backend-protocol HTTPS or GRPCS: a BackendTLSPolicy per Service, so that the Gateway speaks TLS
 * to it. The policy verifies the Service's certificate (against the system's CAs and the Service's
 * cluster DNS name, or proxy-ssl-name), which ingress-nginx does not do by default; that is
 * reported.
 */
final class BackendTlsWriter {
  private final String apiVersion;
  private final Notes notes;

  /** namespace/service to the hostname to verify and the Ingresses asking. */
  private final Map<String, String> hostnames = new TreeMap<>();

  private final Map<String, java.util.Set<String>> sources = new TreeMap<>();

  BackendTlsWriter(String apiVersion, Notes notes) {
    this.apiVersion = apiVersion;
    this.notes = notes;
  }

  void add(IngressSource ing, NginxSettings s) {
    if (!s.tlsToBackend() || apiVersion == null) {
      return;
    }
    List<String> services = new ArrayList<>();
    for (PathRule p : ing.paths()) {
      if (p.backend() != null && !services.contains(p.backend().service())) {
        services.add(p.backend().service());
      }
    }
    if (ing.defaultBackend() != null && !services.contains(ing.defaultBackend().service())) {
      services.add(ing.defaultBackend().service());
    }
    for (String svc : services) {
      String key = ing.namespace() + "/" + svc;
      String host =
          s.proxySslName() != null ? s.proxySslName() : svc + "." + ing.namespace() + ".svc";
      hostnames.putIfAbsent(key, host);
      sources.computeIfAbsent(key, k -> new TreeSet<>()).add(ing.id());
    }
    if (!services.isEmpty()) {
      notes.annotation(
          Severity.WARNING,
          ing.manifest(),
          s.byName().get("backend-protocol"),
          "BackendTLSPolicy for Service(s) '"
              + String.join("', '", services)
              + "' verifies the backend's certificate against the system CAs and hostname '"
              + hostnames.get(ing.namespace() + "/" + services.get(0))
              + "', which ingress-nginx does not do unless proxy-ssl-verify is on; check the"
              + " policy's validation");
    }
  }

  List<Map<String, Object>> write() {
    List<Map<String, Object>> out = new ArrayList<>();
    hostnames.forEach(
        (key, host) -> {
          String ns = key.substring(0, key.indexOf('/'));
          String svc = key.substring(key.indexOf('/') + 1);
          out.add(
              Maps.of(
                  "apiVersion",
                  apiVersion,
                  "kind",
                  "BackendTLSPolicy",
                  "metadata",
                  Maps.of(
                      "name",
                      Names.dns(svc + "-backend-tls"),
                      "namespace",
                      ns,
                      "annotations",
                      Maps.of(Names.SOURCE_ANNOTATION, String.join(",", sources.get(key)))),
                  "spec",
                  Maps.of(
                      "targetRefs",
                      List.of(Maps.of("group", "", "kind", "Service", "name", svc)),
                      "validation",
                      Maps.of("hostname", host, "wellKnownCACertificates", "System"))));
        });
    return out;
  }
}
