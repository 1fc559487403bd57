package dev.gwc.table;

import com.google.re2j.Pattern;
import dev.gwc.nginx.IngressNginx;
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
 * @param appRoot app-root, or null (also when the controller ignores its value)
 * @param fromToWww from-to-www-redirect: the host's www/bare counterpart redirects to it
 * @param rewriteTarget rewrite-target, or null
 * @param useRegex use-regex
 * @param upstreamVhost upstream-vhost, or null
 * @param canary the canary rules when canary is "true", else null
 * @param cors the CORS settings when enable-cors is "true", else null
 */
public record NginxOptions(
    boolean sslRedirect,
    boolean forceSslRedirect,
    String redirectUrl,
    int redirectCode,
    String appRoot,
    boolean fromToWww,
    String rewriteTarget,
    boolean useRegex,
    String upstreamVhost,
    Canary canary,
    Cors cors) {

  /**
   * enable-cors with its cors-* annotations, ingress-nginx's defaults in place of absent ones.
   *
   * @param allowedOrigins what an Origin must end with (nginx's {@code $http_origin ~* (...)$}: the
   *     origins of cors-allow-origin, case-insensitive, a "*" in one standing for one label); null
   *     for "*", the default, which allows every request
   * @param methods cors-allow-methods as written
   * @param headers cors-allow-headers as written
   * @param exposeHeaders cors-expose-headers as written ("" by default)
   * @param credentials cors-allow-credentials (true by default)
   * @param maxAge cors-max-age
   */
  public record Cors(
      Pattern allowedOrigins,
      String methods,
      String headers,
      String exposeHeaders,
      boolean credentials,
      long maxAge) {}

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
        true,
        false,
        null,
        redirectCode,
        null,
        fromToWww,
        null,
        useRegex,
        upstreamVhost,
        canary,
        cors);
  }

  /** Whether paths of the host are case-insensitive regular expressions. */
  boolean regex() {
    return useRegex || rewriteTarget != null;
  }

  /** Reads the annotations (full keys) of an Ingress, as the controller reads them. */
  public static NginxOptions read(Map<String, String> annotations) {
    Reader r = new Reader(annotations);
    String temporal = r.string(IngressNginx.TEMPORAL_REDIRECT);
    String permanent = r.string(IngressNginx.PERMANENT_REDIRECT);
    String url = temporal != null ? temporal : permanent;
    int code =
        temporal != null
            ? r.code(IngressNginx.TEMPORAL_REDIRECT_CODE, 302)
            : r.code(IngressNginx.PERMANENT_REDIRECT_CODE, 301);
    Canary canary =
        r.bool(IngressNginx.CANARY, false)
            ? new Canary(
                r.integer(IngressNginx.CANARY_WEIGHT, 0),
                r.integer(IngressNginx.CANARY_WEIGHT_TOTAL, 100),
                r.string(IngressNginx.CANARY_BY_HEADER),
                r.string(IngressNginx.CANARY_BY_HEADER_VALUE),
                r.string(IngressNginx.CANARY_BY_HEADER_PATTERN),
                r.string(IngressNginx.CANARY_BY_COOKIE))
            : null;
    return new NginxOptions(
        r.bool(IngressNginx.SSL_REDIRECT, true),
        r.bool(IngressNginx.FORCE_SSL_REDIRECT, false),
        url,
        code,
        IngressNginx.appRoot(r.string(IngressNginx.APP_ROOT)),
        r.bool(IngressNginx.FROM_TO_WWW_REDIRECT, false),
        r.string(IngressNginx.REWRITE_TARGET),
        r.bool(IngressNginx.USE_REGEX, false),
        r.string(IngressNginx.UPSTREAM_VHOST),
        canary,
        r.bool(IngressNginx.ENABLE_CORS, false) ? cors(r) : null);
  }

  private static Cors cors(Reader r) {
    String origins = r.string(IngressNginx.CORS_ALLOW_ORIGIN);
    java.util.List<String> list = new java.util.ArrayList<>();
    for (String o : (origins == null ? "*" : origins).split(",")) {
      if (!o.isBlank()) {
        list.add(o.strip());
      }
    }
    Pattern allowed = null;
    if (!list.equals(java.util.List.of("*"))) {
      StringBuilder regex = new StringBuilder("(?i)(");
      for (int i = 0; i < list.size(); i++) {
        String o = list.get(i);
        int star = o.indexOf('*');
        String quoted =
            star < 0
                ? Pattern.quote(o)
                : Pattern.quote(o.substring(0, star))
                    + "[A-Za-z0-9\\-]+"
                    + Pattern.quote(o.substring(star + 1));
        regex.append(i == 0 ? "" : "|").append('(').append(quoted).append(')');
      }
      allowed = Pattern.compile(regex.append(")$").toString());
    }
    String methods = r.string(IngressNginx.CORS_ALLOW_METHODS);
    String headers = r.string(IngressNginx.CORS_ALLOW_HEADERS);
    String expose = r.string(IngressNginx.CORS_EXPOSE_HEADERS);
    int maxAge = r.integer(IngressNginx.CORS_MAX_AGE, 0);
    return new Cors(
        allowed,
        methods == null ? IngressNginx.CORS_DEFAULT_METHODS : methods,
        headers == null ? IngressNginx.CORS_DEFAULT_HEADERS : headers,
        expose == null ? "" : expose,
        r.bool(IngressNginx.CORS_ALLOW_CREDENTIALS, true),
        maxAge > 0 ? maxAge : IngressNginx.CORS_DEFAULT_MAX_AGE);
  }

  /** Annotation values by short name; a value the controller cannot parse reads as absent. */
  private record Reader(Map<String, String> annotations) {
    String string(String name) {
      return IngressNginx.text(annotations.get(IngressNginx.PREFIX + name));
    }

    boolean bool(String name, boolean fallback) {
      Boolean b = IngressNginx.bool(string(name));
      return b == null ? fallback : b;
    }

    int integer(String name, int fallback) {
      Integer i = IngressNginx.integer(string(name));
      return i == null ? fallback : i;
    }

    int code(String name, int fallback) {
      int c = integer(name, fallback);
      return IngressNginx.isRedirectCode(c) ? c : fallback;
    }
  }
}
