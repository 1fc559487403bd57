package dev.gwc.nginx;

import java.util.Locale;
import java.util.Set;

/**
 * The ingress-nginx annotations gwc reads, and how the controller reads their values: the one place
 * that names them, shared by {@code gwc convert} (which reports what it cannot carry over) and the
 * ingress-nginx data plane of {@code gwc simulate} (which routes as the controller does). Facts
 * from the ingress-nginx annotations documentation; a value the controller cannot parse counts as
 * absent there, and the readers here answer null for it.
 */
public final class IngressNginx {
  private IngressNginx() {}

  /** The controller name ({@code --controller-class}) of an ingress-nginx with default flags. */
  public static final String CONTROLLER = "k8s.io/ingress-nginx";

  /** The class ({@code --ingress-class}) of an ingress-nginx with default flags. */
  public static final String DEFAULT_CLASS = "nginx";

  /**
   * The ingress classes a controller serves: those given, else the ones an ingress-nginx with its
   * default flags claims: every IngressClass whose controller is {@value #CONTROLLER}, and the
   * class {@value #DEFAULT_CLASS} (which the legacy {@code kubernetes.io/ingress.class} annotation
   * is compared with) unless an IngressClass of that name belongs to another controller.
   *
   * @param given the classes named on the command line (empty: the default claim)
   * @param controllers the IngressClasses of the input: name to spec.controller (null when unset)
   */
  public static Set<String> claimedClasses(
      java.util.List<String> given, java.util.Map<String, String> controllers) {
    if (!given.isEmpty()) {
      return new java.util.TreeSet<>(given);
    }
    Set<String> out = new java.util.TreeSet<>();
    controllers.forEach(
        (name, controller) -> {
          if (CONTROLLER.equals(controller)) {
            out.add(name);
          }
        });
    if (!controllers.containsKey(DEFAULT_CLASS)
        || CONTROLLER.equals(controllers.get(DEFAULT_CLASS))) {
      out.add(DEFAULT_CLASS);
    }
    return out;
  }

  /** The prefix of every ingress-nginx annotation key. */
  public static final String PREFIX = "nginx.ingress.kubernetes.io/";

  public static final String SSL_REDIRECT = "ssl-redirect";
  public static final String FORCE_SSL_REDIRECT = "force-ssl-redirect";
  public static final String PERMANENT_REDIRECT = "permanent-redirect";
  public static final String PERMANENT_REDIRECT_CODE = "permanent-redirect-code";
  public static final String TEMPORAL_REDIRECT = "temporal-redirect";
  public static final String TEMPORAL_REDIRECT_CODE = "temporal-redirect-code";
  public static final String APP_ROOT = "app-root";
  public static final String FROM_TO_WWW_REDIRECT = "from-to-www-redirect";
  public static final String REWRITE_TARGET = "rewrite-target";
  public static final String USE_REGEX = "use-regex";
  public static final String CANARY = "canary";
  public static final String CANARY_WEIGHT = "canary-weight";
  public static final String CANARY_WEIGHT_TOTAL = "canary-weight-total";
  public static final String CANARY_BY_HEADER = "canary-by-header";
  public static final String CANARY_BY_HEADER_VALUE = "canary-by-header-value";
  public static final String CANARY_BY_HEADER_PATTERN = "canary-by-header-pattern";
  public static final String CANARY_BY_COOKIE = "canary-by-cookie";
  public static final String UPSTREAM_VHOST = "upstream-vhost";
  public static final String X_FORWARDED_PREFIX = "x-forwarded-prefix";
  public static final String CUSTOM_HEADERS = "custom-headers";
  public static final String BACKEND_PROTOCOL = "backend-protocol";
  public static final String PROXY_SSL_NAME = "proxy-ssl-name";
  public static final String ENABLE_CORS = "enable-cors";
  public static final String CORS_ALLOW_ORIGIN = "cors-allow-origin";
  public static final String CORS_ALLOW_METHODS = "cors-allow-methods";
  public static final String CORS_ALLOW_HEADERS = "cors-allow-headers";
  public static final String CORS_EXPOSE_HEADERS = "cors-expose-headers";
  public static final String CORS_ALLOW_CREDENTIALS = "cors-allow-credentials";
  public static final String CORS_MAX_AGE = "cors-max-age";

  /** cors-allow-methods when the annotation is absent. */
  public static final String CORS_DEFAULT_METHODS = "GET, PUT, POST, DELETE, PATCH, OPTIONS";

  /** cors-allow-headers when the annotation is absent. */
  public static final String CORS_DEFAULT_HEADERS =
      "DNT,Keep-Alive,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,"
          + "Range,Authorization";

  /** cors-max-age (seconds) when the annotation is absent or not a positive number. */
  public static final long CORS_DEFAULT_MAX_AGE = 1728000;

  /**
   * The annotations that change where ingress-nginx sends a request or what it answers (the data
   * plane reads them).
   */
  public static final Set<String> ROUTING =
      Set.of(
          SSL_REDIRECT,
          FORCE_SSL_REDIRECT,
          PERMANENT_REDIRECT,
          PERMANENT_REDIRECT_CODE,
          TEMPORAL_REDIRECT,
          TEMPORAL_REDIRECT_CODE,
          APP_ROOT,
          FROM_TO_WWW_REDIRECT,
          REWRITE_TARGET,
          USE_REGEX,
          CANARY,
          CANARY_WEIGHT,
          CANARY_WEIGHT_TOTAL,
          CANARY_BY_HEADER,
          CANARY_BY_HEADER_VALUE,
          CANARY_BY_HEADER_PATTERN,
          CANARY_BY_COOKIE,
          UPSTREAM_VHOST,
          ENABLE_CORS,
          CORS_ALLOW_ORIGIN,
          CORS_ALLOW_METHODS,
          CORS_ALLOW_HEADERS,
          CORS_EXPOSE_HEADERS,
          CORS_ALLOW_CREDENTIALS,
          CORS_MAX_AGE);

  /** The key's name without {@link #PREFIX}, or null when it is not an ingress-nginx key. */
  public static String shortName(String key) {
    return key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : null;
  }

  /** The value without surrounding white space, or null when absent or blank. */
  public static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** {@code true} or {@code false} in any case; null for anything else. */
  public static Boolean bool(String value) {
    String v = text(value);
    if (v == null) {
      return null;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> null;
    };
  }

  /** A decimal integer; null for anything else. */
  public static Integer integer(String value) {
    String v = text(value);
    try {
      return v == null ? null : Integer.parseInt(v);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The characters the controller's annotation validator allows in app-root (letters, digits,
   * {@code - . _ ~ / : $}); the value must also be a path, not a URL with a scheme.
   */
  private static final java.util.regex.Pattern APP_ROOT_PATH =
      java.util.regex.Pattern.compile("/[-._~A-Za-z0-9/:$]*");

  /**
   * The app-root the controller uses: a path that starts with "/"; null for anything else (an
   * absolute URL, a relative path, other characters), which the controller ignores with a warning
   * in its log.
   */
  public static String appRoot(String value) {
    String v = text(value);
    return v != null && APP_ROOT_PATH.matcher(v).matches() ? v : null;
  }

  /**
   * The host that from-to-www-redirect sends {@code host}'s requests from: {@code example.com} for
   * {@code www.example.com} and the other way round.
   */
  public static String wwwCounterpart(String host) {
    return host.startsWith("www.") ? host.substring(4) : "www." + host;
  }

  /** Whether the controller accepts the number as a redirect status (300 to 308). */
  public static boolean isRedirectCode(int code) {
    return code >= 300 && code <= 308;
  }
}
