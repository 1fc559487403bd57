package dev.gwc.convert;

import java.util.List;

/**
 * Why an ingress-nginx annotation is not converted: a table of annotation names (or name prefixes
 * ending in '-' or '*') with the reason, in our own words.
 */
final class UnsupportedAnnotations {
  private UnsupportedAnnotations() {}

  private record Entry(String name, String reason) {}

  private static final List<Entry> TABLE =
      List.of(
          new Entry("configuration-snippet", "raw nginx configuration cannot be converted"),
          new Entry("server-snippet", "raw nginx configuration cannot be converted"),
          new Entry("stream-snippet", "raw nginx configuration cannot be converted"),
          new Entry(
              "auth-*",
              "authentication has no Gateway API equivalent; use your implementation's policy"),
          new Entry(
              "enable-global-auth",
              "authentication has no Gateway API equivalent; use your implementation's policy"),
          new Entry(
              "limit-*",
              "rate and connection limits have no Gateway API equivalent; use your"
                  + " implementation's policy"),
          new Entry(
              "whitelist-source-range", "client address filtering has no Gateway API equivalent"),
          new Entry(
              "allowlist-source-range", "client address filtering has no Gateway API equivalent"),
          new Entry(
              "denylist-source-range", "client address filtering has no Gateway API equivalent"),
          new Entry("affinity*", "session affinity has no standard Gateway API equivalent"),
          new Entry("session-cookie-*", "session affinity has no standard Gateway API equivalent"),
          new Entry(
              "proxy-connect-timeout",
              "nginx's per-phase proxy timeouts do not map onto HTTPRoute timeouts (whole request)"),
          new Entry(
              "proxy-send-timeout",
              "nginx's per-phase proxy timeouts do not map onto HTTPRoute timeouts (whole request)"),
          new Entry(
              "proxy-read-timeout",
              "nginx's per-phase proxy timeouts do not map onto HTTPRoute timeouts (whole request)"),
          new Entry("proxy-body-size", "request body size limits have no Gateway API equivalent"),
          new Entry(
              "canary-by-cookie",
              "Gateway API cannot match on a cookie's value; requests with the cookie are not"
                  + " sent to the canary"),
          new Entry(
              "ssl-passthrough",
              "TLS passthrough needs a TLS listener and a TLSRoute; not converted"),
          new Entry("proxy-ssl-secret", "client certificates towards backends are not converted"),
          new Entry("proxy-ssl-verify", "the backend TLS policy always verifies the certificate"),
          new Entry("mirror-*", "mirroring by URI is not converted; use a RequestMirror filter"),
          new Entry("default-backend", "custom default backends for errors are not converted"),
          new Entry("custom-http-errors", "custom error pages have no Gateway API equivalent"),
          new Entry(
              "modsecurity-*", "web application firewall rules have no Gateway API equivalent"),
          new Entry(
              "enable-modsecurity",
              "web application firewall rules have no Gateway API equivalent"),
          new Entry(
              "load-balance", "load-balancing algorithms have no standard Gateway API equivalent"),
          new Entry(
              "upstream-hash-by*", "consistent hashing has no standard Gateway API equivalent"),
          new Entry(
              "service-upstream", "Gateway API leaves endpoint selection to the implementation"),
          new Entry("ssl-ciphers", "TLS cipher settings have no standard Gateway API equivalent"),
          new Entry(
              "ssl-prefer-server-ciphers",
              "TLS cipher settings have no standard Gateway API equivalent"),
          new Entry("proxy-buffer*", "nginx buffering has no Gateway API equivalent"),
          new Entry("proxy-next-upstream*", "retry settings are not converted"),
          new Entry("enable-access-log", "logging settings have no Gateway API equivalent"),
          new Entry("enable-opentelemetry", "tracing settings have no Gateway API equivalent"));

  /** The reason this ingress-nginx annotation (short name) is not converted. */
  static String reason(String name) {
    for (Entry e : TABLE) {
      String n = e.name();
      boolean prefix = n.endsWith("*") || n.endsWith("-*");
      String stem = n.endsWith("*") ? n.substring(0, n.length() - 1) : n;
      if (prefix ? name.startsWith(stem) : name.equals(n)) {
        return e.reason();
      }
    }
    return "gwc does not know a Gateway API equivalent of this ingress-nginx annotation";
  }
}
