package dev.gwc.convert;

import dev.gwc.validate.schema.Lookup;
import dev.gwc.validate.schema.Schema;
import dev.gwc.validate.schema.SchemaCatalog;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the targeted Gateway API release and channel can express, read from its bundled CRDs rather
 * than from a table, so a new release needs no code change.
 *
 * @param label e.g. {@code 1.4.1 (standard)}, for messages
 * @param cors whether HTTPRoute has the CORS filter
 * @param corsAnyOrigin whether the CORS filter accepts the origin "*" (1.3 does not)
 * @param redirectCodes the status codes a RequestRedirect filter accepts
 * @param backendTlsApiVersion the apiVersion serving BackendTLSPolicy, or null when there is none
 * @param tlsRouteApiVersion the apiVersion serving TLSRoute, or null when there is none
 * @param tcpRouteApiVersion the apiVersion serving TCPRoute, or null when there is none
 * @param retry whether HTTPRoute rules have {@code retry}
 */
record Capabilities(
    String label,
    boolean cors,
    boolean corsAnyOrigin,
    Set<Integer> redirectCodes,
    String backendTlsApiVersion,
    String tlsRouteApiVersion,
    String tcpRouteApiVersion,
    boolean retry) {
  private static final String GROUP = "gateway.networking.k8s.io";

  Capabilities {
    redirectCodes = java.util.Collections.unmodifiableSet(new TreeSet<>(redirectCodes));
  }

  static Capabilities of(String release, String channel) {
    SchemaCatalog catalog = new SchemaCatalog(release, channel, List.of());
    Schema rules = null;
    if (catalog.lookup(GROUP + "/v1", "HTTPRoute") instanceof Lookup.Found f) {
      rules = path(f.version().schema(), "spec", "rules", "[]");
    }
    Schema filter = path(rules, "filters", "[]");
    boolean cors = filter != null && filter.property("cors") != null;
    Schema origin = path(filter, "cors", "allowOrigins", "[]");
    boolean anyOrigin = origin != null && origin.patternAllows("*");
    Set<Integer> codes = new TreeSet<>();
    Schema code = path(filter, "requestRedirect", "statusCode");
    if (code != null && code.enumValues() != null) {
      for (Object o : code.enumValues()) {
        codes.add(((Number) o).intValue());
      }
    } else {
      codes.addAll(List.of(301, 302));
    }
    return new Capabilities(
        release + " (" + channel + ")",
        cors,
        anyOrigin,
        codes,
        served(catalog, "BackendTLSPolicy"),
        served(catalog, "TLSRoute"),
        served(catalog, "TCPRoute"),
        path(rules, "retry") != null);
  }

  /** The newest apiVersion that serves {@code kind} in the catalog, or null. */
  private static String served(SchemaCatalog catalog, String kind) {
    for (String v : List.of("v1", "v1alpha3", "v1alpha2")) {
      if (catalog.lookup(GROUP + "/" + v, kind) instanceof Lookup.Found f && f.version().served()) {
        return GROUP + "/" + v;
      }
    }
    return null;
  }

  /** The schema at a path of property names, "[]" stepping into array items; null if absent. */
  private static Schema path(Schema s, String... steps) {
    for (String step : steps) {
      if (s == null) {
        return null;
      }
      s = step.equals("[]") ? s.items() : s.property(step);
    }
    return s;
  }
}
