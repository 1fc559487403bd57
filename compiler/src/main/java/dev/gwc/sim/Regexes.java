package dev.gwc.sim;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/** Regular expressions with RE2 semantics, which no input can drive into exponential time. */
final class Regexes {
  private Regexes() {}

  /**
   * Compiles a pattern (matched against the whole value).
   *
   * @throws IllegalArgumentException naming the pattern when it does not compile
   */
  static Pattern compile(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "regular expression '" + regex + "' is not valid RE2: " + e.getDescription(), e);
    }
  }
}
