package dev.gwc.convert;

import dev.gwc.convert.NginxSettings.Canary;
import dev.gwc.diag.Severity;
import dev.gwc.nginx.IngressNginx;
import dev.gwc.resource.Manifest;
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
          IngressNginx.SSL_REDIRECT,
          IngressNginx.FORCE_SSL_REDIRECT,
          IngressNginx.PERMANENT_REDIRECT,
          IngressNginx.PERMANENT_REDIRECT_CODE,
          IngressNginx.TEMPORAL_REDIRECT,
          IngressNginx.TEMPORAL_REDIRECT_CODE,
          IngressNginx.APP_ROOT,
          IngressNginx.REWRITE_TARGET,
          IngressNginx.USE_REGEX,
          IngressNginx.CANARY,
          IngressNginx.CANARY_WEIGHT,
          IngressNginx.CANARY_WEIGHT_TOTAL,
          IngressNginx.CANARY_BY_HEADER,
          IngressNginx.CANARY_BY_HEADER_VALUE,
          IngressNginx.CANARY_BY_HEADER_PATTERN,
          IngressNginx.UPSTREAM_VHOST,
          IngressNginx.X_FORWARDED_PREFIX,
          IngressNginx.CUSTOM_HEADERS,
          IngressNginx.BACKEND_PROTOCOL,
          IngressNginx.PROXY_SSL_NAME,
          IngressNginx.ENABLE_CORS,
          IngressNginx.CORS_ALLOW_ORIGIN,
          IngressNginx.CORS_ALLOW_METHODS,
          IngressNginx.CORS_ALLOW_HEADERS,
          IngressNginx.CORS_EXPOSE_HEADERS,
          IngressNginx.CORS_ALLOW_CREDENTIALS,
          IngressNginx.CORS_MAX_AGE,
          IngressNginx.FROM_TO_WWW_REDIRECT);

  /** What a GRPCRoute cannot express. */
  private static final Set<String> GRPC_LIMITED =
      Set.of(
          "rewrite-target",
          "use-regex",
          "upstream-vhost",
          "enable-cors",
          "permanent-redirect",
          "temporal-redirect",
          "app-root");

  private static final java.util.regex.Pattern HOSTNAME =
      java.util.regex.Pattern.compile(
          "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  /** Annotations that only qualify another one. */
  private static final Map<String, String> NEEDS =
      Map.of(
          "permanent-redirect-code", "permanent-redirect",
          "temporal-redirect-code", "temporal-redirect",
          "proxy-ssl-name", "backend-protocol");

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
    AnnotationValues all = new AnnotationValues(m, byName, notes);
    boolean canary = all.bool("canary", false);
    byName.keySet().removeIf(name -> !applies(name, canary, all));
    String protocol = backendProtocol(new AnnotationValues(m, byName, notes));
    if (protocol.startsWith("GRPC")) {
      byName.keySet().removeIf(name -> grpcLimit(name, all));
    }
    AnnotationValues v = new AnnotationValues(m, byName, notes);
    Map<String, String> requestHeaders = new TreeMap<>();
    if (v.value("x-forwarded-prefix") != null) {
      requestHeaders.put("X-Forwarded-Prefix", v.value("x-forwarded-prefix"));
    }
    return new NginxSettings(
        v.has("ssl-redirect") ? v.bool("ssl-redirect", true) : null,
        v.bool("force-ssl-redirect", false),
        RedirectAnnotation.read(v, caps),
        appRoot(m, v, byName),
        v.bool(IngressNginx.FROM_TO_WWW_REDIRECT, false),
        v.value("rewrite-target"),
        v.bool("use-regex", false),
        canary ? canary(v) : null,
        upstreamVhost(v),
        requestHeaders,
        customHeaders(ing, v),
        protocol,
        CorsAnnotations.read(v, caps),
        v.value("proxy-ssl-name"),
        byName);
  }

  /** app-root as the controller uses it; a value it ignores is reported and gives null. */
  private String appRoot(Manifest m, AnnotationValues v, Map<String, Annotation> byName) {
    String raw = v.value(IngressNginx.APP_ROOT);
    String path = IngressNginx.appRoot(raw);
    if (raw != null && path == null) {
      notes.annotation(
          Severity.WARNING,
          m,
          byName.get(IngressNginx.APP_ROOT),
          "app-root '"
              + raw
              + "' is ignored by ingress-nginx, which takes only a path that starts with '/' (no"
              + " scheme or host); nothing is converted and '/' is served as it is");
    }
    return path;
  }

  /**
   * Whether an annotation applies: a canary Ingress only lends its backends to the primary
   * (ingress-nginx applies the primary's settings and ignores the canary's own), and canary-*
   * annotations mean nothing without canary: "true". What does not apply is reported.
   */
  private static boolean applies(String name, boolean canary, AnnotationValues v) {
    if (canary && !name.startsWith("canary")) {
      v.warn(
          name,
          "annotation '"
              + name
              + "' on a canary Ingress is ignored, as ingress-nginx ignores it; the primary"
              + " Ingress's settings apply");
      return false;
    }
    if (!canary && name.startsWith("canary-")) {
      v.warn(name, "annotation '" + name + "' has no effect without canary: \"true\"");
      return false;
    }
    String needs = name.startsWith("cors-") ? "enable-cors" : NEEDS.get(name);
    if (needs != null && !v.has(needs)) {
      v.warn(name, "annotation '" + name + "' has no effect without '" + needs + "'");
      return false;
    }
    return true;
  }

  /** A GRPCRoute has no redirect, rewrite or CORS filter; such annotations are reported. */
  private static boolean grpcLimit(String name, AnnotationValues v) {
    if (!GRPC_LIMITED.contains(name)) {
      return false;
    }
    v.warn(name, "annotation '" + name + "' cannot be expressed on a GRPCRoute; not converted");
    return true;
  }

  private static Canary canary(AnnotationValues v) {
    Integer weight = v.integer("canary-weight");
    Integer total = v.integer("canary-weight-total");
    String header = v.value("canary-by-header");
    String headerValue = v.value("canary-by-header-value");
    String pattern = v.value("canary-by-header-pattern");
    if (header == null) {
      for (String orphan : List.of("canary-by-header-value", "canary-by-header-pattern")) {
        if (v.has(orphan)) {
          v.warn(orphan, "annotation '" + orphan + "' has no effect without canary-by-header");
        }
      }
      headerValue = null;
      pattern = null;
    } else if (headerValue != null && pattern != null) {
      v.warn(
          "canary-by-header-pattern",
          "annotation 'canary-by-header-pattern' is ignored: canary-by-header-value takes"
              + " precedence");
      pattern = null;
    }
    return new Canary(
        weight == null ? 0 : weight, total == null ? 100 : total, header, headerValue, pattern);
  }

  private static String upstreamVhost(AnnotationValues v) {
    String host = v.value("upstream-vhost");
    if (host != null && !HOSTNAME.matcher(host).matches()) {
      v.warn(
          "upstream-vhost",
          "upstream-vhost '"
              + host
              + "' is not a plain host name (no port or nginx variables); not converted");
      return null;
    }
    return host;
  }

  private Map<String, String> customHeaders(IngressSource ing, AnnotationValues v) {
    String ref = v.value("custom-headers");
    if (ref == null) {
      return Map.of();
    }
    String key = ref.contains("/") ? ref : ing.namespace() + "/" + ref;
    Map<String, String> data = inventory.configMaps().get(key);
    if (data == null) {
      v.warn(
          "custom-headers",
          "ConfigMap '"
              + key
              + "' of custom-headers is not in the input; its response headers are not converted");
      return Map.of();
    }
    return data;
  }

  private String backendProtocol(AnnotationValues v) {
    String p = v.value("backend-protocol");
    if (p == null) {
      return "HTTP";
    }
    String upper = p.toUpperCase(Locale.ROOT);
    if (!Set.of("HTTP", "HTTPS", "GRPC", "GRPCS").contains(upper)) {
      v.warn(
          "backend-protocol",
          "backend-protocol '" + p + "' has no Gateway API equivalent; converted as HTTP");
      return "HTTP";
    }
    if ((upper.equals("HTTPS") || upper.equals("GRPCS")) && caps.backendTlsApiVersion() == null) {
      v.warn(
          "backend-protocol",
          "backend-protocol '"
              + p
              + "' needs a BackendTLSPolicy, which Gateway API "
              + caps.label()
              + " does not have (try --channel experimental or a newer --gateway-api-version);"
              + " traffic to the backend is converted as plain text");
    }
    return upper;
  }
}
