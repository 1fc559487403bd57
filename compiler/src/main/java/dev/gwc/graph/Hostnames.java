package dev.gwc.graph;

import java.util.List;

/**
 * Hostname matching as Gateway API defines it: a wildcard is only a leftmost {@code *.} label and
 * stands for one or more labels ({@code *.example.com} matches {@code a.b.example.com}, not {@code
 * example.com}); a listener or route without hostnames matches everything.
 */
public final class Hostnames {
  private Hostnames() {}

  /** Whether two hostnames (either may be a wildcard) can match a common request host. */
  public static boolean intersect(String a, String b) {
    if (a == null || b == null || a.equals(b)) {
      return true;
    }
    return (a.startsWith("*.") && covers(a, b)) || (b.startsWith("*.") && covers(b, a));
  }

  /**
   * Whether {@code wildcard} ({@code *.suffix}) covers {@code host} (which may itself be a
   * wildcard).
   */
  static boolean covers(String wildcard, String host) {
    if (host.startsWith("*.")) {
      return host.endsWith(wildcard.substring(1)); // *.a.example.com or *.example.com itself
    }
    return wildcardMatches(wildcard, host);
  }

  /**
   * Whether a wildcard hostname ({@code *.example.com}) matches a request host: the host ends with
   * its suffix ({@code .example.com}) after at least one label. Reads the strings in place, as the
   * simulator asks it for every request.
   */
  public static boolean wildcardMatches(String wildcard, String host) {
    int len = wildcard.length() - 1; // ".example.com" of "*.example.com"
    return wildcard.startsWith("*.")
        && host.length() > len
        && host.regionMatches(host.length() - len, wildcard, 1, len);
  }

  /** Whether any route hostname intersects the listener's hostname. */
  public static boolean anyIntersects(String listener, List<String> routeHostnames) {
    if (listener == null || routeHostnames.isEmpty()) {
      return true;
    }
    for (String h : routeHostnames) {
      if (intersect(listener, h)) {
        return true;
      }
    }
    return false;
  }
}
