package dev.gwc.validate.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableExpr;
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

  /**
   * What is wrong with the first pattern written as a string constant in a {@code matches()} call
   * of the expression that is not valid RE2, or null when all are.
   */
  static String invalidConstantPattern(CelAbstractSyntaxTree ast) {
    return CelNavigableExpr.fromExpr(ast.getExpr())
        .allNodes()
        .map(CelNavigableExpr::expr)
        .filter(e -> e.getKind() == CelExpr.ExprKind.Kind.CALL)
        .filter(e -> e.call().function().startsWith("matches"))
        .map(e -> e.call().args())
        .filter(args -> !args.isEmpty())
        .map(args -> args.get(args.size() - 1))
        .filter(arg -> arg.getKind() == CelExpr.ExprKind.Kind.CONSTANT)
        .filter(arg -> arg.constant().getKind() == CelConstant.Kind.STRING_VALUE)
        .map(arg -> arg.constant().stringValue())
        .map(RegexCache::syntaxError)
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  private static String syntaxError(String regex) {
    try {
      Regex.compile(regex);
      return null;
    } catch (Regex.SyntaxException e) {
      return "invalid regular expression '" + regex + "': " + e.description();
    }
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
