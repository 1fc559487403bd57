package dev.gwc.convert;

import java.util.ArrayList;
import java.util.List;

/** Builds a small Ingress input for table tests: one Ingress, its Services, optional extras. */
final class ConvertInput {
  static final String SERVICES =
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        namespace: shop
      spec:
        ports:
        - name: http
          port: 80
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: web-v2
        namespace: shop
      spec:
        ports:
        - name: http
          port: 80
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: api
        namespace: shop
      spec:
        ports:
        - name: grpc
          port: 9090
      """;

  private final List<String> annotations = new ArrayList<>();
  private final List<String> paths = new ArrayList<>();
  private String name = "web";
  private String host = "a.example.com";
  private String className = "ingressClassName: nginx";
  private String tls = "";
  private String defaultBackend = "";
  private String extra = "";

  static ConvertInput ingress() {
    return new ConvertInput();
  }

  ConvertInput name(String n) {
    name = n;
    return this;
  }

  ConvertInput annotate(String key, String value) {
    String k = key.contains("/") ? key : "nginx.ingress.kubernetes.io/" + key;
    annotations.add("    " + k + ": \"" + value + "\"");
    return this;
  }

  ConvertInput host(String h) {
    host = h;
    return this;
  }

  ConvertInput noClass() {
    className = "";
    return this;
  }

  ConvertInput className(String c) {
    className = "ingressClassName: " + c;
    return this;
  }

  /** A path whose backend is written out, e.g. a resource backend. */
  ConvertInput rawPath(String path, String backend) {
    paths.add("      - path: " + path + "\n        pathType: Prefix\n        backend:\n" + backend);
    return this;
  }

  ConvertInput path(String path, String type) {
    return path(path, type, "web", "number: 80");
  }

  ConvertInput path(String path, String type, String service, String port) {
    paths.add(
        "      - path: \""
            + path
            + "\"\n        pathType: "
            + type
            + "\n        backend:\n          service:\n            name: "
            + service
            + "\n            port:\n              "
            + port);
    return this;
  }

  ConvertInput tls(String secret) {
    tls = "  tls:\n  - hosts: [\"" + host + "\"]\n    secretName: " + secret + "\n";
    return this;
  }

  /** A spec.tls list written out, e.g. {@code " - secretName: x\n"}. */
  ConvertInput tlsEntries(String entries) {
    tls = "  tls:\n" + entries;
    return this;
  }

  ConvertInput defaultBackend(String service) {
    defaultBackend =
        "  defaultBackend:\n    service:\n      name: "
            + service
            + "\n      port:\n        number: 80\n";
    return this;
  }

  ConvertInput extra(String yaml) {
    extra += "---\n" + yaml;
    return this;
  }

  String yaml() {
    StringBuilder sb = new StringBuilder();
    sb.append("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ")
        .append(name)
        .append("\n  namespace: shop\n");
    if (!annotations.isEmpty()) {
      sb.append("  annotations:\n").append(String.join("\n", annotations)).append('\n');
    }
    sb.append("spec:\n");
    if (!className.isEmpty()) {
      sb.append("  ").append(className).append('\n');
    }
    sb.append(defaultBackend).append(tls);
    if (!paths.isEmpty()) {
      sb.append("  rules:\n  - ")
          .append(host.isEmpty() ? "" : "host: \"" + host + "\"\n    ")
          .append("http:\n      paths:\n")
          .append(String.join("\n", paths))
          .append('\n');
    }
    return sb + "---\n" + SERVICES + extra;
  }

  /** Only the Ingress, for adding a second Ingress to another input. */
  String ingressOnly() {
    String all = yaml();
    return all.substring(0, all.indexOf("---\n"));
  }
}
