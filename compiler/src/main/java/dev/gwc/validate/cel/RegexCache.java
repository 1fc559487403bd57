package dev.gwc.validate.cel;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelEvaluationExceptionBuilder;
import dev.cel.runtime.CelFunctionBinding;
import dev.gwc.regex.Regex;
import java.util.List;

/**
 * CEL's {@code matches} with RE2 semantics ({@link Regex}, as the API server's cel-go uses RE2);
 * {@link Regex#compile} keeps each distinct pattern compiled once, which matters here: CRD rules
 * apply a handful of constant patterns to every object.
 */
final class RegexCache {
  private RegexCache() {}

  static List<CelFunctionBinding> bindings() {
    return List.of(
        CelFunctionBinding.from("matches", String.class, String.class, RegexCache::matches),
        CelFunctionBinding.from("matches_string", String.class, String.class, RegexCache::matches));
  }

  /** Whether the regex matches anywhere in the string (RE2 partial match, as CEL specifies). */
  static boolean matches(String s, String regex) throws CelEvaluationException {
    Regex p;
    try {
      p = Regex.compile(regex);
    } catch (Regex.SyntaxException e) {
      throw CelEvaluationExceptionBuilder.newBuilder(
              "invalid regular expression '%s': %s", regex, e.description())
          .build();
    }
    return p.find(s);
  }
}
