package dev.gwc.convert;

import dev.gwc.convert.IngressSource.PathRule;
import dev.gwc.resource.Manifest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an Ingress path into a Gateway API match, with ingress-nginx's reading of it: Exact stays
 * Exact; Prefix and ImplementationSpecific become PathPrefix, or, when the host uses regex paths
 * (use-regex or rewrite-target on any of its Ingresses), a case-insensitive regular expression
 * anchored at the start, as nginx matches them there. rewrite-target becomes a URLRewrite path
 * where Gateway API can say the same.
 */
final class PathTranslator {
  /** {@code /prefix(/|$)(.*)}: the form ingress-nginx documents for stripping a prefix. */
  private static final Pattern STRIP_FORM =
      Pattern.compile("(/[^\\^$*+?()\\[\\]{}|\\\\]*?)?\\(/\\|\\$\\)\\(\\.\\*\\)");

  /** {@code /prefix(.*)} or {@code /prefix(/.*)}. */
  private static final Pattern TAIL_FORM =
      Pattern.compile("(/[^\\^$*+?()\\[\\]{}|\\\\]*?)?\\((/)?\\.\\*\\)");

  private static final Pattern VALID_PATH =
      Pattern.compile("(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|%[0-9a-fA-F]{2})+");
  private static final Pattern GRPC_SERVICE =
      Pattern.compile("\\.?[A-Za-z_][A-Za-z_0-9]*(\\.[A-Za-z_][A-Za-z_0-9]*)*");
  private static final Pattern GRPC_METHOD = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");

  private PathTranslator() {}

  /**
   * An HTTP path match and the URLRewrite path that goes with it.
   *
   * @param pathMatch {@code {type, value}}
   * @param rewritePath the URLRewrite filter's {@code path}, or null
   */
  record Translated(Map<String, Object> pathMatch, Map<String, Object> rewritePath) {}

  /**
   * The match of an HTTP path, or null when the path cannot be written as a Gateway API path
   * (reported).
   */
  static Translated http(PathRule p, NginxSettings s, boolean hostRegex, Manifest m, Notes notes) {
    Translated t = translate(p, s, hostRegex, m, notes);
    Object type = t.pathMatch().get("type");
    String value = (String) t.pathMatch().get("value");
    if (!type.equals("RegularExpression") && !validPath(value)) {
      notes.warn(
          m,
          p.span(),
          "path '"
              + value
              + "' is not a valid Gateway API "
              + type
              + " path"
              + (hostRegex ? "" : " (ingress-nginx reads it as a regex only with use-regex)")
              + "; not converted");
      return null;
    }
    approximation(p, hostRegex, type, m, notes);
    return t;
  }

  /**
   * Reports where ingress-nginx matches more than the converted path: on a regex host every path is
   * a case-insensitive regex anchored only at the start; elsewhere an ImplementationSpecific path
   * is a plain string prefix.
   */
  private static void approximation(
      PathRule p, boolean hostRegex, Object type, Manifest m, Notes notes) {
    if (p.path().equals("/") && !(hostRegex && p.pathType().equals("Exact"))) {
      return;
    }
    if (hostRegex) {
      notes.info(
          m,
          p.span(),
          "ingress-nginx matches path '"
              + p.path()
              + "' as a case-insensitive regex anchored only at its start (~* \"^"
              + p.path()
              + "\": use-regex or rewrite-target is on the host); "
              + (type.equals("RegularExpression")
                  ? "converted to a RegularExpression that does the same, in a regex flavour"
                      + " Gateway API leaves to the implementation"
                  : "the converted "
                      + type
                      + " match is case-sensitive and matches whole segments"));
    } else if (p.path().endsWith("/")) {
      String bare = p.path().substring(0, p.path().length() - 1);
      notes.info(
          m,
          p.span(),
          "ingress-nginx answers '"
              + bare
              + "' with 301 to '"
              + p.path()
              + "' (nginx's redirect for a location that ends with '/', unless a path '"
              + bare
              + "' of the host takes it); the converted "
              + type
              + (type.equals("Exact")
                  ? " match does not match '" + bare + "'"
                  : " match serves '" + bare + "' directly"));
    } else if (p.pathType().equals("ImplementationSpecific")) {
      notes.info(
          m,
          p.span(),
          "ingress-nginx matches ImplementationSpecific path '"
              + p.path()
              + "' as a plain string prefix (also '"
              + p.path()
              + "x'); the PathPrefix match matches whole segments");
    }
  }

  /**
   * What Gateway API's CEL rules allow in Exact and PathPrefix values: URL path characters and
   * percent-encodings, no empty, "." or ".." segments, no encoded slash, no fragment.
   */
  static boolean validPath(String path) {
    return path.startsWith("/")
        && VALID_PATH.matcher(path).matches()
        && !path.contains("//")
        && !path.contains("/./")
        && !path.contains("/../")
        && !path.toLowerCase(java.util.Locale.ROOT).contains("%2f")
        && !path.endsWith("/.")
        && !path.endsWith("/..");
  }

  private static Translated translate(
      PathRule p, NginxSettings s, boolean hostRegex, Manifest m, Notes notes) {
    boolean exact = p.pathType().equals("Exact");
    // ingress-nginx makes every location of a regex host a case-insensitive regex (~* "^path"), so
    // a plain '/static' there also takes '/staticx' and '/STATIC'; only '/' needs no regex.
    boolean regex = !exact && hostRegex && !p.path().equals("/");
    String target = s.rewriteTarget();
    if (target == null) {
      return new Translated(regex ? regexMatch(p.path(), hostRegex) : plain(p.path(), exact), null);
    }
    if (!target.matches(".*\\$[0-9].*") || !p.path().contains("(")) {
      // nginx's rewrite replaces the whole path with the target when the location matches; a
      // reference to a group the path does not have is empty.
      String full = target.replaceAll("\\$[0-9]", "");
      return new Translated(
          regex ? regexMatch(p.path(), hostRegex) : plain(p.path(), exact),
          Maps.of("type", "ReplaceFullPath", "replaceFullPath", full.isEmpty() ? "/" : full));
    }
    Translated t = capture(p.path(), target);
    if (t != null && !exact) {
      return t;
    }
    notes.annotation(
        dev.gwc.diag.Severity.WARNING,
        m,
        s.byName().get("rewrite-target"),
        "rewrite-target '"
            + target
            + "' uses capture groups of path '"
            + p.path()
            + "' in a way a URLRewrite cannot express; the path is converted without the rewrite");
    return new Translated(
        regex || !exact ? regexMatch(p.path(), hostRegex) : plain(p.path(), true), null);
  }

  /** The prefix-stripping forms a ReplacePrefixMatch can express, else null. */
  private static Translated capture(String path, String target) {
    Matcher strip = STRIP_FORM.matcher(path);
    if (strip.matches()) {
      Matcher t = Pattern.compile("([^$]*?)/?\\$2").matcher(target);
      if (t.matches()) {
        return prefixRewrite(strip.group(1), t.group(1));
      }
    }
    Matcher tail = TAIL_FORM.matcher(path);
    if (tail.matches()) {
      Matcher t = Pattern.compile("([^$]*?)\\$1").matcher(target);
      if (t.matches()) {
        return prefixRewrite(tail.group(1), t.group(1));
      }
    }
    return null;
  }

  private static Translated prefixRewrite(String prefix, String replacement) {
    String p = prefix == null || prefix.isEmpty() ? "/" : prefix;
    String r = replacement.isEmpty() ? "/" : replacement;
    return new Translated(
        Maps.of("type", "PathPrefix", "value", p),
        Maps.of("type", "ReplacePrefixMatch", "replacePrefixMatch", r));
  }

  private static Map<String, Object> plain(String path, boolean exact) {
    return Maps.of("type", exact ? "Exact" : "PathPrefix", "value", path);
  }

  /**
   * ingress-nginx anchors a regex path at the start only; {@code .*} is appended so that
   * implementations that match the whole path agree. On a regex host it matches without case
   * ({@code ~*}), which {@code (?i)} says in RE2 and PCRE alike.
   */
  private static Map<String, Object> regexMatch(String path, boolean caseInsensitive) {
    String v = path.endsWith("$") || path.endsWith(".*") ? path : path + ".*";
    return Maps.of("type", "RegularExpression", "value", (caseInsensitive ? "(?i)" : "") + v);
  }

  /**
   * The GRPCRoute method match of a path ({@code /package.Service} or {@code
   * /package.Service/Method}); an empty map for "/" (every method); null when a path does not name
   * a gRPC service (reported).
   */
  static Map<String, Object> grpc(PathRule p, Manifest m, Notes notes) {
    String path = p.path();
    if (path.equals("/") && !p.pathType().equals("Exact")) {
      return Map.of();
    }
    String[] parts = path.substring(1).split("/", -1);
    boolean serviceOnly = parts.length == 1 || (parts.length == 2 && parts[1].isEmpty());
    if (path.startsWith("/") && GRPC_SERVICE.matcher(parts[0]).matches()) {
      if (serviceOnly && !p.pathType().equals("Exact")) {
        return Maps.of("type", "Exact", "service", parts[0]);
      }
      if (parts.length == 2 && GRPC_METHOD.matcher(parts[1]).matches()) {
        if (!p.pathType().equals("Exact")) {
          notes.info(
              m,
              p.span(),
              "ingress-nginx matches gRPC path '"
                  + path
                  + "' as a prefix (also '"
                  + path
                  + "x'); the GRPCRoute matches the method exactly");
        }
        return Maps.of("type", "Exact", "service", parts[0], "method", parts[1]);
      }
    }
    notes.warn(
        m,
        p.span(),
        "gRPC path '"
            + path
            + "' ("
            + p.pathType()
            + ") is not '/', '/package.Service' or '/package.Service/Method'; a GRPCRoute cannot"
            + " match it, so it is not converted");
    return null;
  }
}
