package dev.gwc.validate.cel;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelEvaluationExceptionBuilder;
import dev.cel.runtime.CelFunctionBinding;
import dev.gwc.regex.Regex;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CEL's {@code matches} with RE2 semantics ({@link dev.gwc.regex.Regex}, as the API server's cel-go
 * uses RE2) and each distinct pattern compiled once: CRD rules apply a handful of constant patterns
 * to every object, and compiling them on every evaluation was the largest single cost of
 * validation.
 */
final class RegexCache {
  /** Patterns kept at most; a rule set has a few dozen, so this only bounds hostile input. */
  private static final int MAX = 4096;

  private static final ConcurrentHashMap<String, Regex> PATTERNS = new ConcurrentHashMap<>();

  private RegexCache() {}

  static List<CelFunctionBinding> bindings() {
    return List.of(
        CelFunctionBinding.from("matches", String.class, String.class, RegexCache::matches),
        CelFunctionBinding.from("matches_string", String.class, String.class, RegexCache::matches));
  }

  /** Whether the regex matches anywhere in the string (RE2 partial match, as CEL specifies). */
  static boolean matches(String s, String regex) throws CelEvaluationException {
    Regex p = PATTERNS.get(regex);
    if (p == null) {
      try {
        p = Regex.compile(regex);
      } catch (Regex.SyntaxException e) {
        throw CelEvaluationExceptionBuilder.newBuilder(
                "invalid regular expression '%s': %s", regex, e.description())
            .build();
      }
      if (PATTERNS.size() < MAX) {
        PATTERNS.put(regex, p);
      }
    }
    return p.find(s);
  }
}
