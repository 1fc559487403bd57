package dev.gwc.convert;

import java.util.Locale;

/** Stable, readable names for what the conversion generates. */
final class Names {
  /** The annotation on every generated object naming the Ingresses it came from. */
  static final String SOURCE_ANNOTATION = "gwc.dev/source";

  static final String HTTP_LISTENER = "http";

  private Names() {}

  /** A DNS subdomain made of the text: lower case, '*' spelled out, other characters as '-'. */
  static String dns(String text) {
    String s = text.toLowerCase(Locale.ROOT).replace("*", "wildcard");
    s = s.replaceAll("[^a-z0-9.-]", "-").replaceAll("-{2,}", "-").replaceAll("\\.{2,}", ".");
    s = s.replaceAll("^[.-]+", "").replaceAll("[.-]+$", "");
    if (s.length() > 240) {
      s = s.substring(0, 240).replaceAll("[.-]+$", "");
    }
    return s.isEmpty() ? "x" : s;
  }

  /** The HTTPS listener of a TLS host ("" for TLS without hosts). */
  static String httpsListener(String host) {
    return host.isEmpty() ? "https" : "https-" + dns(host);
  }

  /** The route of a host in its namespace ("catch-all" for rules without host). */
  static String route(String host) {
    return host.isEmpty() ? "catch-all" : dns(host);
  }
}
