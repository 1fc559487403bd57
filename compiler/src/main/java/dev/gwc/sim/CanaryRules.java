package dev.gwc.sim;

import dev.gwc.regex.Regex;
import dev.gwc.table.NginxOptions;
import dev.gwc.table.Request;

/**
 * The request-based canary rules of ingress-nginx, in its order: by header (its value, else a
 * pattern, else "always"/"never"), then by cookie ("always"/"never"); anything else falls through
 * to the weight.
 */
final class CanaryRules {
  private CanaryRules() {}

  /** True: to the canary; false: never to the canary; null: the weight decides. */
  static Boolean decide(NginxOptions.Canary c, Request req) {
    if (c.header() != null) {
      String v = req.headers().joined(c.header());
      if (v != null) {
        if (c.headerValue() != null) {
          if (v.equals(c.headerValue())) {
            return true;
          }
        } else if (c.headerPattern() != null) {
          if (matches(c.headerPattern(), v)) {
            return true;
          }
        } else if (v.equals("always")) {
          return true;
        } else if (v.equals("never")) {
          return false;
        }
      }
    }
    if (c.cookie() != null) {
      String v = cookie(req, c.cookie());
      if ("always".equals(v)) {
        return true;
      }
      if ("never".equals(v)) {
        return false;
      }
    }
    return null;
  }

  static String why(NginxOptions.Canary c, Request req) {
    if (c.header() != null && req.headers().joined(c.header()) != null) {
      return "header " + c.header() + ": " + req.headers().joined(c.header());
    }
    return "cookie " + c.cookie() + "=" + cookie(req, c.cookie());
  }

  private static boolean matches(String pattern, String value) {
    try {
      return Regex.compile(pattern).matches(value);
    } catch (Regex.SyntaxException e) {
      return false;
    }
  }

  private static String cookie(Request req, String name) {
    String all = req.headers().joined("cookie");
    if (all == null || name == null) {
      return null;
    }
    for (String part : all.split("[;,]")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).strip().equals(name)) {
        return part.substring(eq + 1).strip();
      }
    }
    return null;
  }
}
