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
    String suffix = wildcard.substring(1); // ".example.com"
    String h = host.startsWith("*.") ? host.substring(1) : host;
    if (host.startsWith("*.")) {
      return h.endsWith(suffix); // *.a.example.com or *.example.com itself
    }
    return h.endsWith(suffix) && h.length() > suffix.length();
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
