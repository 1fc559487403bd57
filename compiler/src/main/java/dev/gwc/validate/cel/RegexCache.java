package dev.gwc.validate.cel;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelEvaluationExceptionBuilder;
import dev.cel.runtime.CelFunctionBinding;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CEL's {@code matches} with RE2 semantics (re2j, as the API server's cel-go uses RE2) and each
 * distinct pattern compiled once: CRD rules apply a handful of constant patterns to every object,
 * and compiling them on every evaluation was the largest single cost of validation.
 */
final class RegexCache {
  /** Patterns kept at most; a rule set has a few dozen, so this only bounds hostile input. */
  private static final int MAX = 4096;

  private static final ConcurrentHashMap<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private RegexCache() {}

  static List<CelFunctionBinding> bindings() {
    return List.of(
        CelFunctionBinding.from("matches", String.class, String.class, RegexCache::matches),
        CelFunctionBinding.from("matches_string", String.class, String.class, RegexCache::matches));
  }

  /** Whether the regex matches anywhere in the string (RE2 partial match, as CEL specifies). */
  static boolean matches(String s, String regex) throws CelEvaluationException {
    Pattern p = PATTERNS.get(regex);
    if (p == null) {
      try {
        p = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw CelEvaluationExceptionBuilder.newBuilder(
                "invalid regular expression '%s': %s", regex, e.getDescription())
            .build();
      }
      if (PATTERNS.size() < MAX) {
        PATTERNS.put(regex, p);
      }
    }
    return p.matcher(s).find();
  }
}
