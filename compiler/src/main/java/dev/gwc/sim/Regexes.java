package dev.gwc.sim;

import dev.gwc.regex.Regex;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Regular expressions with RE2 semantics, which no input can drive into exponential time. */
final class Regexes {
  // Routes repeat patterns (a header match copied into every route of a team): one Regex per
  // pattern text, so its automaton is built once and stays in the processor's caches. Cleared when
  // it grows past the limit, so a long-running gwc serve reloading new patterns stays bounded.
  private static final int LIMIT = 50_000;
  private static final Map<String, Regex> COMPILED = new ConcurrentHashMap<>();

  private Regexes() {}

  /**
   * Compiles a pattern (matched against the whole value), or returns the one compiled before.
   *
   * @throws IllegalArgumentException naming the pattern when it does not compile
   */
  static Regex compile(String regex) {
    Regex known = COMPILED.get(regex);
    if (known != null) {
      return known;
    }
    try {
      Regex compiled = Regex.compile(regex);
      if (COMPILED.size() >= LIMIT) {
        COMPILED.clear();
      }
      COMPILED.put(regex, compiled);
      return compiled;
    } catch (Regex.SyntaxException e) {
      throw new IllegalArgumentException(
          "regular expression " + Regex.quoted(regex) + " is not valid RE2: " + e.description(), e);
    }
  }
}
