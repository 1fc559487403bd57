package dev.gwc.convert;

import dev.gwc.convert.NginxSettings.Cors;
import dev.gwc.convert.NginxSettings.Redirect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The route filters that ingress-nginx annotations become. */
final class Filters {
  private Filters() {}

  /**
   * The filters of an HTTP rule: a redirect alone, or header modifiers, the URL rewrite
   * (upstream-vhost, rewrite-target) and CORS, in that order.
   *
   * @param s the Ingress's settings
   * @param rewritePath the URLRewrite path of rewrite-target, or null
   */
  static List<Map<String, Object>> http(NginxSettings s, Map<String, Object> rewritePath) {
    if (s.redirect() != null) {
      return List.of(redirect(s.redirect()));
    }
    List<Map<String, Object>> filters = headers(s);
    Map<String, Object> rewrite = Maps.of("hostname", s.upstreamVhost(), "path", rewritePath);
    if (!rewrite.isEmpty()) {
      filters.add(Maps.of("type", "URLRewrite", "urlRewrite", rewrite));
    }
    if (s.cors() != null) {
      filters.add(Maps.of("type", "CORS", "cors", cors(s.cors())));
    }
    return filters;
  }

  /** Request and response header modifiers (x-forwarded-prefix, custom-headers). */
  static List<Map<String, Object>> headers(NginxSettings s) {
    List<Map<String, Object>> filters = new ArrayList<>();
    if (!s.requestHeaders().isEmpty()) {
      filters.add(
          Maps.of(
              "type", "RequestHeaderModifier", "requestHeaderModifier", set(s.requestHeaders())));
    }
    if (!s.responseHeaders().isEmpty()) {
      filters.add(
          Maps.of(
              "type",
              "ResponseHeaderModifier",
              "responseHeaderModifier",
              set(s.responseHeaders())));
    }
    return filters;
  }

  /** The redirect of HTTP requests to HTTPS. */
  static Map<String, Object> toHttps(long statusCode) {
    return Maps.of(
        "type",
        "RequestRedirect",
        "requestRedirect",
        Maps.of("scheme", "https", "statusCode", statusCode));
  }

  /** app-root: "/" redirected (302) to the application's root. */
  static Map<String, Object> appRoot(String path) {
    return Maps.of(
        "type",
        "RequestRedirect",
        "requestRedirect",
        Maps.of(
            "path",
            Maps.of("type", "ReplaceFullPath", "replaceFullPath", path),
            "statusCode",
            302L));
  }

  /** from-to-www-redirect: every request redirected (308) to the same path on another host. */
  static Map<String, Object> toHost(String host) {
    return Maps.of(
        "type",
        "RequestRedirect",
        "requestRedirect",
        Maps.of("hostname", host, "statusCode", 308L));
  }

  private static Map<String, Object> redirect(Redirect r) {
    Map<String, Object> path =
        r.path() == null ? null : Maps.of("type", "ReplaceFullPath", "replaceFullPath", r.path());
    return Maps.of(
        "type",
        "RequestRedirect",
        "requestRedirect",
        Maps.of(
            "scheme",
            r.scheme(),
            "hostname",
            r.hostname(),
            "port",
            r.port() == null ? null : (long) r.port(),
            "path",
            path,
            "statusCode",
            (long) r.statusCode()));
  }

  private static Map<String, Object> set(Map<String, String> headers) {
    List<Object> set = new ArrayList<>();
    new TreeMap<>(headers).forEach((k, v) -> set.add(Maps.of("name", k, "value", v)));
    return Maps.of("set", set);
  }

  private static Map<String, Object> cors(Cors c) {
    return Maps.of(
        "allowOrigins",
        c.allowOrigins(),
        "allowMethods",
        c.allowMethods(),
        "allowHeaders",
        c.allowHeaders(),
        "exposeHeaders",
        c.exposeHeaders().isEmpty() ? null : c.exposeHeaders(),
        "allowCredentials",
        c.allowCredentials(),
        "maxAge",
        c.maxAge());
  }
}
