package dev.gwc.table;

import dev.gwc.regex.Regex;

/**
 * A header or query-parameter match.
 *
 * @param name the name as written (headers compare it case-insensitively, query parameters exactly)
 * @param value the value, or the pattern
 * @param regex the compiled pattern for RegularExpression matches, else null
 * @param lowerName the name in lower case, for header lookups
 */
public record ValueMatch(String name, String value, Regex regex, String lowerName) {

  /** A match as the API writes it ({@code type} Exact or RegularExpression). */
  public static ValueMatch of(String type, String name, String value) {
    return new ValueMatch(
        name,
        value,
        "RegularExpression".equals(type) ? Regexes.compile(value) : null,
        name.toLowerCase(java.util.Locale.ROOT));
  }

  /** Whether a present value matches; a missing value (null) never does. */
  public boolean test(String actual) {
    if (actual == null) {
      return false;
    }
    return regex == null ? value.equals(actual) : regex.matches(actual);
  }

  @Override
  public String toString() {
    return regex == null ? name + ": " + value : name + " ~ /" + value + "/";
  }
}
