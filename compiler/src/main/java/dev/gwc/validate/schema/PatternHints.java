package dev.gwc.validate.schema;

import java.util.Map;

/**
 * Plain-language names for the patterns Gateway API CRDs use most, so that a failed pattern reads
 * "is not a valid hostname" instead of a regular expression. Unknown patterns are shown as written.
 */
final class PatternHints {
  private PatternHints() {}

  private static final String SUBDOMAIN =
      "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";

  private static final Map<String, String> HINTS =
      Map.ofEntries(
          Map.entry(
              "^(\\*\\.)?" + SUBDOMAIN + "$",
              "a valid hostname: lowercase DNS labels separated by dots, where a wildcard may only be the"
                  + " whole first label ('*.example.com')"),
          Map.entry(
              "^" + SUBDOMAIN + "$", "a lowercase DNS subdomain (RFC 1123), such as 'example.com'"),
          Map.entry("^$|^" + SUBDOMAIN + "$", "empty or a lowercase DNS subdomain (RFC 1123)"),
          Map.entry(
              "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
              "a lowercase DNS label (RFC 1123): letters, digits and '-'"),
          Map.entry(
              "^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$",
              "a valid kind name: a letter, then letters, digits and '-'"),
          Map.entry(
              "^[A-Za-z0-9!#$%&'*+\\-.^_\\x60|~]+$",
              "a valid HTTP header name (RFC 7230 token characters, no spaces or colons)"),
          Map.entry(
              "^([0-9]{1,5}(h|m|s|ms)){1,4}$",
              "a Gateway API duration such as '10s', '1h30m' or '500ms'"),
          Map.entry(
              "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\/[A-Za-z0-9\\/\\-._~%!$&'()*+,;=:]+$",
              "a domain-prefixed path such as 'example.com/my-controller'"),
          Map.entry(
              "^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$",
              "a valid label value: at most 63 letters, digits, '-', '_' or '.', beginning and ending"
                  + " with a letter or digit"),
          Map.entry(
              "^[!-~]+([\\t ]?[!-~]+)*$",
              "printable ASCII without leading, trailing or doubled spaces"));

  /** A description of what the pattern accepts, or null when the pattern is not a known one. */
  static String describe(String pattern) {
    return HINTS.get(pattern);
  }
}
