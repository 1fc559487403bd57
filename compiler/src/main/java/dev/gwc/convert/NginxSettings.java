package dev.gwc.convert;

import java.util.List;
import java.util.Map;

/**
 * The ingress-nginx annotations of one Ingress that Gateway API can express, read and checked.
 *
 * @param sslRedirect ssl-redirect, or null for the default (redirect when the host has TLS)
 * @param forceSslRedirect force-ssl-redirect: redirect to HTTPS even without TLS
 * @param redirect permanent-redirect or temporal-redirect, or null
 * @param appRoot app-root: where a request for "/" is redirected, or null (also when the controller
 *     ignores the value)
 * @param fromToWww from-to-www-redirect: the host's www/bare counterpart redirects to it
 * @param rewriteTarget rewrite-target, or null
 * @param useRegex use-regex (implied by rewrite-target)
 * @param canary the canary settings when canary is "true", else null
 * @param upstreamVhost upstream-vhost: the Host header sent upstream, or null
 * @param requestHeaders headers set on the request (x-forwarded-prefix)
 * @param responseHeaders headers set on the response (custom-headers, from its ConfigMap)
 * @param backendProtocol backend-protocol, upper case (HTTP by default)
 * @param cors the CORS settings when enable-cors is "true", else null
 * @param proxySslName proxy-ssl-name: the server name to verify for HTTPS backends, or null
 * @param byName every ingress-nginx annotation of the Ingress by its short name, for positions
 */
record NginxSettings(
    Boolean sslRedirect,
    boolean forceSslRedirect,
    Redirect redirect,
    String appRoot,
    boolean fromToWww,
    String rewriteTarget,
    boolean useRegex,
    Canary canary,
    String upstreamVhost,
    Map<String, String> requestHeaders,
    Map<String, String> responseHeaders,
    String backendProtocol,
    Cors cors,
    String proxySslName,
    Map<String, Annotation> byName) {
  NginxSettings {
    requestHeaders = Map.copyOf(requestHeaders);
    responseHeaders = Map.copyOf(responseHeaders);
    byName = Map.copyOf(byName);
  }

  /** No annotations applied (--provider common). */
  static final NginxSettings NONE =
      new NginxSettings(
          false, false, null, null, false, null, false, null, null, Map.of(), Map.of(), "HTTP",
          null, null, Map.of());

  /** Whether paths are regular expressions (use-regex, or rewrite-target, which implies it). */
  boolean regex() {
    return useRegex || rewriteTarget != null;
  }

  boolean grpc() {
    return backendProtocol.equals("GRPC") || backendProtocol.equals("GRPCS");
  }

  boolean tlsToBackend() {
    return backendProtocol.equals("HTTPS") || backendProtocol.equals("GRPCS");
  }

  /**
   * A redirect of every path of the Ingress.
   *
   * @param scheme the target's scheme, or null
   * @param hostname the target's host
   * @param port the target's port, or null
   * @param path the target's path, or null to keep the request's
   * @param statusCode the status code
   */
  record Redirect(String scheme, String hostname, Integer port, String path, int statusCode) {}

  /**
   * The canary rules of a canary Ingress.
   *
   * @param weight canary-weight (0 when absent)
   * @param total canary-weight-total (100 by default)
   * @param header canary-by-header, or null
   * @param headerValue canary-by-header-value, or null
   * @param headerPattern canary-by-header-pattern, or null
   */
  record Canary(int weight, int total, String header, String headerValue, String headerPattern) {}

  /**
   * The CORS settings, with ingress-nginx's defaults filled in.
   *
   * @param allowOrigins allowed origins
   * @param allowMethods allowed methods
   * @param allowHeaders allowed request headers
   * @param exposeHeaders exposed response headers
   * @param allowCredentials whether credentials are allowed
   * @param maxAge how long a preflight result may be cached, in seconds
   */
  record Cors(
      List<String> allowOrigins,
      List<String> allowMethods,
      List<String> allowHeaders,
      List<String> exposeHeaders,
      boolean allowCredentials,
      long maxAge) {
    Cors {
      allowOrigins = List.copyOf(allowOrigins);
      allowMethods = List.copyOf(allowMethods);
      allowHeaders = List.copyOf(allowHeaders);
      exposeHeaders = List.copyOf(exposeHeaders);
    }
  }
}
