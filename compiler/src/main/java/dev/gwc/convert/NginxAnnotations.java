package dev.gwc.convert;

import dev.gwc.convert.NginxSettings.Canary;
import dev.gwc.convert.NginxSettings.Cors;
import dev.gwc.convert.NginxSettings.Redirect;
import dev.gwc.diag.Severity;
import dev.gwc.resource.Manifest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads an Ingress's annotations into {@link NginxSettings}. Every annotation is accounted for:
 * applied, or reported with the reason it is not (unsupported, a bad value, ignored on a canary
 * Ingress, ignored with {@code --provider common}, or not an ingress-nginx annotation at all).
 */
final class NginxAnnotations {
  /** Annotations that are read elsewhere or carry no routing meaning. */
  private static final Set<String> SILENT =
      Set.of(IngressReader.LEGACY_CLASS, "kubectl.kubernetes.io/last-applied-configuration");

  /** The annotations this class applies, by short name. */
  private static final Set<String> SUPPORTED =
      Set.of(
          "ssl-redirect",
          "force-ssl-redirect",
          "permanent-redirect",
          "permanent-redirect-code",
          "temporal-redirect",
          "temporal-redirect-code",
          "app-root",
          "rewrite-target",
          "use-regex",
          "canary",
          "canary-weight",
          "canary-weight-total",
          "canary-by-header",
          "canary-by-header-value",
          "canary-by-header-pattern",
          "upstream-vhost",
          "x-forwarded-prefix",
          "custom-headers",
          "backend-protocol",
          "proxy-ssl-name",
          "enable-cors",
          "cors-allow-origin",
          "cors-allow-methods",
          "cors-allow-headers",
          "cors-expose-headers",
          "cors-allow-credentials",
          "cors-max-age");

  private static final Set<String> CORS_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "*");

  private final Capabilities caps;
  private final Inventory inventory;
  private final Notes notes;

  NginxAnnotations(Capabilities caps, Inventory inventory, Notes notes) {
    this.caps = caps;
    this.inventory = inventory;
    this.notes = notes;
  }

  /** The settings of an Ingress under the given provider; everything not applied is reported. */
  NginxSettings read(IngressSource ing, Provider provider) {
    Manifest m = ing.manifest();
    Map<String, Annotation> byName = new HashMap<>();
    for (Annotation a : ing.annotations()) {
      if (SILENT.contains(a.key())) {
        continue;
      }
      String name = a.nginxName();
      if (name == null) {
        notes.annotation(
            Severity.INFO,
            m,
            a,
            "annotation '" + a.key() + "' is not an ingress-nginx annotation; not carried over");
      } else if (provider == Provider.COMMON) {
        notes.annotation(
            Severity.WARNING,
            m,
            a,
            "ingress-nginx annotation '" + name + "' ignored with --provider common");
      } else if (!SUPPORTED.contains(name)) {
        notes.annotation(
            Severity.WARNING,
            m,
            a,
            "annotation '" + name + "' not converted: " + UnsupportedAnnotations.reason(name));
      } else {
        byName.put(name, a);
      }
    }
    if (provider == Provider.COMMON) {
      return NginxSettings.NONE;
    }
    boolean canary = bool(m, byName, "canary", false);
    if (canary) {
      // A canary Ingress only lends its backends to the primary; ingress-nginx applies the
      // primary's settings to its requests and ignores the canary's own.
      for (Annotation a : List.copyOf(byName.values())) {
        String name = a.nginxName();
        if (!name.startsWith("canary")) {
          notes.annotation(
              Severity.WARNING,
              m,
              a,
              "annotation '"
                  + name
                  + "' on a canary Ingress is ignored, as ingress-nginx ignores it; the primary"
                  + " Ingress's settings apply");
          byName.remove(name);
        }
      }
    } else {
      for (Annotation a : List.copyOf(byName.values())) {
        if (a.nginxName().startsWith("canary-")) {
          notes.annotation(
              Severity.WARNING,
              m,
              a,
              "annotation '" + a.nginxName() + "' has no effect without canary: \"true\"");
          byName.remove(a.nginxName());
        }
      }
    }
    Map<String, String> requestHeaders = new TreeMap<>();
    if (byName.containsKey("x-forwarded-prefix")) {
      requestHeaders.put("X-Forwarded-Prefix", byName.get("x-forwarded-prefix").value());
    }
    return new NginxSettings(
        byName.containsKey("ssl-redirect") ? bool(m, byName, "ssl-redirect", true) : null,
        bool(m, byName, "force-ssl-redirect", false),
        redirect(m, byName),
        value(byName, "app-root"),
        value(byName, "rewrite-target"),
        bool(m, byName, "use-regex", false),
        canary ? canary(m, byName) : null,
        value(byName, "upstream-vhost"),
        requestHeaders,
        customHeaders(ing, byName),
        backendProtocol(m, byName),
        bool(m, byName, "enable-cors", false) ? cors(m, byName) : null,
        value(byName, "proxy-ssl-name"),
        byName);
  }

  private static String value(Map<String, Annotation> byName, String name) {
    Annotation a = byName.get(name);
    return a == null || a.value().isBlank() ? null : a.value().trim();
  }

  private boolean bool(Manifest m, Map<String, Annotation> byName, String name, boolean dflt) {
    String v = value(byName, name);
    if (v == null) {
      return dflt;
    }
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return v.equalsIgnoreCase("true");
    }
    notes.annotation(
        Severity.WARNING,
        m,
        byName.get(name),
        "annotation '" + name + "' expects \"true\" or \"false\", got '" + v + "'; using " + dflt);
    return dflt;
  }

  private Integer integer(Manifest m, Map<String, Annotation> byName, String name) {
    String v = value(byName, name);
    if (v == null) {
      return null;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      notes.annotation(
          Severity.WARNING,
          m,
          byName.get(name),
          "annotation '" + name + "' expects a number, got '" + v + "'; ignored");
      return null;
    }
  }

  private Redirect redirect(Manifest m, Map<String, Annotation> byName) {
    boolean permanent = byName.containsKey("permanent-redirect");
    String kind = permanent ? "permanent-redirect" : "temporal-redirect";
    String url = value(byName, kind);
    if (url == null) {
      return null;
    }
    if (permanent && byName.containsKey("temporal-redirect")) {
      notes.annotation(
          Severity.WARNING,
          m,
          byName.get("temporal-redirect"),
          "annotation 'temporal-redirect' is ignored: 'permanent-redirect' takes precedence");
    }
    Integer code = integer(m, byName, kind + "-code");
    int status = code != null ? code : permanent ? 301 : 302;
    if (!caps.redirectCodes().contains(status)) {
      int fallback = permanent ? 301 : 302;
      notes.annotation(
          Severity.WARNING,
          m,
          byName.getOrDefault(kind + "-code", byName.get(kind)),
          "redirect status "
              + status
              + " is not allowed by Gateway API "
              + caps.label()
              + " (allowed: "
              + caps.redirectCodes()
              + "); using "
              + fallback);
      status = fallback;
    }
    try {
      URI u = new URI(url);
      if (u.getHost() == null) {
        throw new URISyntaxException(url, "no host");
      }
      if (u.getRawQuery() != null || u.getRawFragment() != null) {
        notes.annotation(
            Severity.WARNING,
            m,
            byName.get(kind),
            "the query or fragment of the redirect target '"
                + url
                + "' cannot be expressed; dropped");
      }
      String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? null : u.getRawPath();
      return new Redirect(
          u.getScheme(),
          u.getHost().toLowerCase(Locale.ROOT),
          u.getPort() < 0 ? null : u.getPort(),
          path,
          status);
    } catch (URISyntaxException e) {
      notes.annotation(
          Severity.WARNING,
          m,
          byName.get(kind),
          "redirect target '" + url + "' is not an absolute URL; the redirect is not converted");
      return null;
    }
  }

  private Canary canary(Manifest m, Map<String, Annotation> byName) {
    Integer weight = integer(m, byName, "canary-weight");
    Integer total = integer(m, byName, "canary-weight-total");
    String header = value(byName, "canary-by-header");
    String headerValue = value(byName, "canary-by-header-value");
    String pattern = value(byName, "canary-by-header-pattern");
    if (header == null) {
      for (String orphan : List.of("canary-by-header-value", "canary-by-header-pattern")) {
        if (byName.containsKey(orphan)) {
          notes.annotation(
              Severity.WARNING,
              m,
              byName.get(orphan),
              "annotation '" + orphan + "' has no effect without canary-by-header");
        }
      }
      headerValue = null;
      pattern = null;
    } else if (headerValue != null && pattern != null) {
      notes.annotation(
          Severity.WARNING,
          m,
          byName.get("canary-by-header-pattern"),
          "annotation 'canary-by-header-pattern' is ignored: canary-by-header-value takes"
              + " precedence");
      pattern = null;
    }
    return new Canary(
        weight == null ? 0 : weight, total == null ? 100 : total, header, headerValue, pattern);
  }

  private Map<String, String> customHeaders(IngressSource ing, Map<String, Annotation> byName) {
    String ref = value(byName, "custom-headers");
    if (ref == null) {
      return Map.of();
    }
    String key = ref.contains("/") ? ref : ing.namespace() + "/" + ref;
    Map<String, String> data = inventory.configMaps().get(key);
    if (data == null) {
      notes.annotation(
          Severity.WARNING,
          ing.manifest(),
          byName.get("custom-headers"),
          "ConfigMap '"
              + key
              + "' of custom-headers is not in the input; its response headers are not converted");
      return Map.of();
    }
    return data;
  }

  private String backendProtocol(Manifest m, Map<String, Annotation> byName) {
    String p = value(byName, "backend-protocol");
    if (p == null) {
      return "HTTP";
    }
    String upper = p.toUpperCase(Locale.ROOT);
    if (!Set.of("HTTP", "HTTPS", "GRPC", "GRPCS").contains(upper)) {
      notes.annotation(
          Severity.WARNING,
          m,
          byName.get("backend-protocol"),
          "backend-protocol '" + p + "' has no Gateway API equivalent; converted as HTTP");
      return "HTTP";
    }
    if ((upper.equals("HTTPS") || upper.equals("GRPCS")) && caps.backendTlsApiVersion() == null) {
      notes.annotation(
          Severity.WARNING,
          m,
          byName.get("backend-protocol"),
          "backend-protocol '"
              + p
              + "' needs a BackendTLSPolicy, which Gateway API "
              + caps.label()
              + " does not have (try --channel experimental or a newer --gateway-api-version);"
              + " traffic to the backend is converted as plain text");
    }
    return upper;
  }

  private Cors cors(Manifest m, Map<String, Annotation> byName) {
    if (!caps.cors()) {
      notes.annotation(
          Severity.WARNING,
          m,
          byName.get("enable-cors"),
          "enable-cors not converted: the CORS filter is not in Gateway API "
              + caps.label()
              + " (it is in 1.3.0+ experimental and 1.5.1+ standard)");
      return null;
    }
    List<String> origins = new ArrayList<>();
    for (String o : list(byName, "cors-allow-origin", "*")) {
      if (o.equals("*") || o.matches("https?://(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
        origins.add(o);
      } else {
        notes.annotation(
            Severity.WARNING,
            m,
            byName.get("cors-allow-origin"),
            "CORS origin '" + o + "' cannot be expressed in the CORS filter; dropped");
      }
    }
    if (origins.contains("*")) {
      origins = List.of("*");
    }
    List<String> methods = new ArrayList<>();
    for (String x : list(byName, "cors-allow-methods", "GET, PUT, POST, DELETE, PATCH, OPTIONS")) {
      String upper = x.toUpperCase(Locale.ROOT);
      if (CORS_METHODS.contains(upper) && !methods.contains(upper)) {
        methods.add(upper);
      }
    }
    Integer maxAge = integer(m, byName, "cors-max-age");
    return new Cors(
        origins,
        methods.contains("*") ? List.of("*") : methods,
        list(
            byName,
            "cors-allow-headers",
            "DNT,Keep-Alive,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,"
                + "Content-Type,Range,Authorization"),
        list(byName, "cors-expose-headers", ""),
        bool(m, byName, "cors-allow-credentials", true),
        maxAge == null || maxAge < 1 ? 1728000 : maxAge);
  }

  private static List<String> list(Map<String, Annotation> byName, String name, String dflt) {
    String v = value(byName, name);
    List<String> out = new ArrayList<>();
    for (String part : (v == null ? dflt : v).split(",")) {
      String t = part.trim();
      if (!t.isEmpty() && !out.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }
}
