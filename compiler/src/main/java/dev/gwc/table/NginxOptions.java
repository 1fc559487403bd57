package dev.gwc.table;

import java.util.Locale;
import java.util.Map;

/**
 * The ingress-nginx annotations of one Ingress that change where a request goes, read the way the
 * controller reads them (a value it cannot parse counts as absent).
 *
 * @param sslRedirect ssl-redirect (default true: HTTP to HTTPS when the host has TLS)
 * @param forceSslRedirect force-ssl-redirect: HTTP to HTTPS even without TLS
 * @param redirectUrl temporal-redirect or permanent-redirect (temporal first, as the controller
 *     reads them), or null
 * @param redirectCode the status of {@code redirectUrl}
 * @param appRoot app-root, or null
 * @param rewriteTarget rewrite-target, or null
 * @param useRegex use-regex
 * @param upstreamVhost upstream-vhost, or null
 * @param canary the canary rules when canary is "true", else null
 */
public record NginxOptions(
    boolean sslRedirect,
    boolean forceSslRedirect,
    String redirectUrl,
    int redirectCode,
    String appRoot,
    String rewriteTarget,
    boolean useRegex,
    String upstreamVhost,
    Canary canary) {

  public static final String PREFIX = "nginx.ingress.kubernetes.io/";

  /**
   * How a canary Ingress takes requests from its primary.
   *
   * @param weight canary-weight
   * @param total canary-weight-total (100 by default)
   * @param header canary-by-header, or null
   * @param headerValue canary-by-header-value, or null
   * @param headerPattern canary-by-header-pattern, or null
   * @param cookie canary-by-cookie, or null
   */
  public record Canary(
      int weight,
      int total,
      String header,
      String headerValue,
      String headerPattern,
      String cookie) {}

  /**
   * These options without redirects and rewrites (HTTPS ones too): ingress-nginx keeps them off the
   * default server's catch-all location.
   */
  NginxOptions withoutRedirectAndRewrite() {
    return new NginxOptions(
        true, false, null, redirectCode, null, null, useRegex, upstreamVhost, canary);
  }

  /** Whether paths of the host are case-insensitive regular expressions. */
  boolean regex() {
    return useRegex || rewriteTarget != null;
  }

  /** Reads the annotations (full keys) of an Ingress. */
  public static NginxOptions read(Map<String, String> annotations) {
    Reader r = new Reader(annotations);
    String temporal = r.string("temporal-redirect");
    String permanent = r.string("permanent-redirect");
    String url = temporal != null ? temporal : permanent;
    int code =
        temporal != null
            ? r.code("temporal-redirect-code", 302)
            : r.code("permanent-redirect-code", 301);
    Canary canary =
        r.bool("canary", false)
            ? new Canary(
                r.integer("canary-weight", 0),
                r.integer("canary-weight-total", 100),
                r.string("canary-by-header"),
                r.string("canary-by-header-value"),
                r.string("canary-by-header-pattern"),
                r.string("canary-by-cookie"))
            : null;
    return new NginxOptions(
        r.bool("ssl-redirect", true),
        r.bool("force-ssl-redirect", false),
        url,
        code,
        r.string("app-root"),
        r.string("rewrite-target"),
        r.bool("use-regex", false),
        r.string("upstream-vhost"),
        canary);
  }

  /** Annotation values by short name. */
  private record Reader(Map<String, String> annotations) {
    String string(String name) {
      String v = annotations.get(PREFIX + name);
      return v == null || v.isBlank() ? null : v.strip();
    }

    boolean bool(String name, boolean fallback) {
      String v = string(name);
      if (v == null) {
        return fallback;
      }
      return switch (v.toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> fallback;
      };
    }

    int integer(String name, int fallback) {
      String v = string(name);
      try {
        return v == null ? fallback : Integer.parseInt(v);
      } catch (NumberFormatException e) {
        return fallback;
      }
    }

    int code(String name, int fallback) {
      int c = integer(name, fallback);
      return c >= 300 && c <= 308 ? c : fallback;
    }
  }
}
