package dev.gwc.convert;

import dev.gwc.convert.NginxSettings.Cors;
import dev.gwc.nginx.IngressNginx;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * enable-cors and the cors-* annotations, with ingress-nginx's defaults, as the HTTPRoute CORS
 * filter; reported when the targeted release and channel do not have the filter.
 */
final class CorsAnnotations {
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "*");

  private CorsAnnotations() {}

  static Cors read(AnnotationValues v, Capabilities caps) {
    if (!v.bool("enable-cors", false)) {
      return null;
    }
    if (!caps.cors()) {
      v.warn(
          "enable-cors",
          "enable-cors not converted: the CORS filter is not in Gateway API "
              + caps.label()
              + " (it is in 1.3.0+ experimental and 1.5.1+ standard)");
      return null;
    }
    List<String> origins = new ArrayList<>();
    for (String o : v.list("cors-allow-origin", "*")) {
      if (o.equals("*") || o.matches("https?://(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
        origins.add(o);
      } else {
        v.warn(
            "cors-allow-origin",
            "CORS origin '" + o + "' cannot be expressed in the CORS filter; dropped");
      }
    }
    if (origins.contains("*") && !caps.corsAnyOrigin()) {
      v.warn(
          v.has("cors-allow-origin") ? "cors-allow-origin" : "enable-cors",
          "the CORS filter of Gateway API "
              + caps.label()
              + " cannot allow any origin ('*'); enable-cors not converted");
      return null;
    }
    List<String> methods = new ArrayList<>();
    for (String x : v.list("cors-allow-methods", IngressNginx.CORS_DEFAULT_METHODS)) {
      String upper = x.toUpperCase(Locale.ROOT);
      if (METHODS.contains(upper) && !methods.contains(upper)) {
        methods.add(upper);
      }
    }
    Integer maxAge = v.integer("cors-max-age");
    return new Cors(
        origins.contains("*") ? List.of("*") : origins,
        methods.contains("*") ? List.of("*") : methods,
        v.list("cors-allow-headers", IngressNginx.CORS_DEFAULT_HEADERS),
        v.list("cors-expose-headers", ""),
        v.bool("cors-allow-credentials", true),
        maxAge == null || maxAge < 1 ? IngressNginx.CORS_DEFAULT_MAX_AGE : maxAge);
  }
}
