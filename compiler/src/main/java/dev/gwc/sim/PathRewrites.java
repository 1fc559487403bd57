package dev.gwc.sim;

import dev.gwc.table.Filter;
import dev.gwc.table.PathMatch;

/** Path replacement for URLRewrite and RequestRedirect, with the API's slash handling. */
final class PathRewrites {
  private PathRewrites() {}

  /**
   * Applies a path modifier to a request path.
   *
   * @param path the request path (without query)
   * @param matched the match that routed the request (ReplacePrefixMatch needs a PathPrefix)
   * @return the new path, or null when ReplacePrefixMatch meets a match that is not a prefix
   */
  static String apply(Filter.PathModifier m, String path, PathMatch matched) {
    if (m.type().equals("ReplaceFullPath")) {
      return m.value().isEmpty() ? "/" : m.value();
    }
    if (matched == null || matched.type() != PathMatch.Type.PREFIX) {
      return null;
    }
    return replacePrefix(path, matched.key(), m.value());
  }

  /**
   * Replaces the matched prefix element by element: the trailing slash of the prefix and of the
   * replacement are ignored, and the result is never empty ({@code /foo/bar}, prefix {@code /foo},
   * replacement {@code /} gives {@code /bar}).
   *
   * @param prefixKey the prefix without its trailing slash ({@code ""} for {@code /})
   */
  static String replacePrefix(String path, String prefixKey, String replacement) {
    String rest = path.substring(Math.min(prefixKey.length(), path.length()));
    String head = PathMatch.prefixKey(replacement);
    String out = head + rest;
    if (out.isEmpty()) {
      return "/";
    }
    return out.startsWith("/") ? out : "/" + out;
  }
}
