package dev.gwc.pipeline;

import dev.gwc.resource.Manifest;
import dev.gwc.status.StatusWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The compiled bundle: every validated resource with defaults applied and its computed status. */
public final class BundleItems {
  private static final List<String> KIND_ORDER =
      List.of(
          "Namespace",
          "GatewayClass",
          "Gateway",
          "ListenerSet",
          "HTTPRoute",
          "GRPCRoute",
          "TLSRoute",
          "TCPRoute",
          "UDPRoute",
          "ReferenceGrant",
          "BackendTLSPolicy",
          "IngressClass",
          "Ingress",
          "Service",
          "Secret");

  private BundleItems() {}

  /** The items of the bundle, in a stable order: kind, namespace, name. */
  public static List<Map<String, Object>> items(Report report) {
    Map<Manifest, Map<String, Object>> statuses = StatusWriter.statuses(report.resolution());
    List<Compiled> sorted = new ArrayList<>(report.compiled());
    sorted.sort(
        Comparator.comparingInt((Compiled c) -> rank(c.manifest().kind()))
            .thenComparing(c -> c.manifest().kind())
            .thenComparing(c -> c.manifest().namespace() == null ? "" : c.manifest().namespace())
            .thenComparing(c -> c.manifest().name() == null ? "" : c.manifest().name()));
    List<Map<String, Object>> out = new ArrayList<>();
    for (Compiled c : sorted) {
      if (!(dev.gwc.validate.cel.CelEngine.plainCopy(c.value()) instanceof Map<?, ?> value)) {
        continue;
      }
      Map<String, Object> item = new LinkedHashMap<>();
      value.forEach((k, v) -> item.put(String.valueOf(k), v));
      Map<String, Object> status = statuses.get(c.manifest());
      if (status != null) {
        item.put("status", status);
      }
      out.add(item);
    }
    return out;
  }

  private static int rank(String kind) {
    int i = KIND_ORDER.indexOf(kind);
    return i < 0 ? KIND_ORDER.size() : i;
  }
}
