package dev.gwc.table;

import dev.gwc.regex.Regex;

/**
 * An HTTPRoute path match.
 *
 * @param type Exact, PathPrefix or RegularExpression
 * @param value the value as written
 * @param key the value the index uses: the exact path, or the prefix without a trailing slash
 *     ({@code ""} for {@code /}), or the pattern
 * @param regex the compiled pattern (RE2: linear time on every input), or null
 * @param literal a prefix every matching path starts with (for a pattern, its leading literal
 *     characters, {@link Regex#literalPrefix}; may be empty), so most paths are ruled out without
 *     running the pattern
 */
public record PathMatch(Type type, String value, String key, Regex regex, String literal) {

  /** The kinds of path match, in the order of their precedence. */
  public enum Type {
    EXACT("Exact", 0),
    REGEX("RegularExpression", 1),
    PREFIX("PathPrefix", 2);

    final String apiName;
    final int rank;

    Type(String apiName, int rank) {
      this.apiName = apiName;
      this.rank = rank;
    }
  }

  /**
   * A path match as the API writes it.
   *
   * @throws IllegalArgumentException when a regular expression does not compile
   */
  public static PathMatch of(String type, String value) {
    return switch (type) {
      case "Exact" -> new PathMatch(Type.EXACT, value, value, null, value);
      case "RegularExpression" -> {
        Regex regex = Regexes.compile(value);
        yield new PathMatch(Type.REGEX, value, value, regex, regex.literalPrefix());
      }
      default -> new PathMatch(Type.PREFIX, value, prefixKey(value), null, prefixKey(value));
    };
  }

  /** The prefix without its trailing slash: a trailing {@code /} is ignored, {@code /} is "". */
  public static String prefixKey(String prefix) {
    return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
  }

  /** The number of characters that ranks this match among matches of its type. */
  public int length() {
    return type == Type.PREFIX ? key.length() : value.length();
  }

  /** Whether a request path matches. */
  public boolean matches(String path) {
    return switch (type) {
      case EXACT -> path.equals(value);
      case REGEX -> path.startsWith(literal) && regex.matches(path);
      case PREFIX ->
          path.startsWith(key)
              && (path.length() == key.length() || path.charAt(key.length()) == '/');
    };
  }

  @Override
  public String toString() {
    return type.apiName + " '" + value + "'";
  }
}
