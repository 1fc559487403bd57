package dev.gwc.table;

import dev.gwc.regex.Regex;

/** Regular expressions with RE2 semantics, which no input can drive into exponential time. */
final class Regexes {
  private Regexes() {}

  /**
   * Compiles a pattern (matched against the whole value).
   *
   * @throws IllegalArgumentException naming the pattern when it does not compile
   */
  static Regex compile(String regex) {
    try {
      return Regex.compile(regex);
    } catch (Regex.SyntaxException e) {
      throw new IllegalArgumentException(
          "regular expression " + Regex.quoted(regex) + " is not valid RE2: " + e.description(), e);
    }
  }
}
