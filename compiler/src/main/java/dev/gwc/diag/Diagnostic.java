package dev.gwc.diag;

import dev.gwc.source.SourceSpan;
import java.util.Comparator;

/**
 * One finding: which rule, how bad, where, what, about which resource and which field.
 *
 * @param rule the stable rule id from the catalog in {@code rules/}
 * @param severity error, warning or info
 * @param span where in the input; line and column may be unknown (0)
 * @param message a lowercase fragment without a trailing period
 * @param resource the resource it is about, or {@link ResourceRef#NONE}
 * @param fieldPath the field path such as {@code spec.rules[0].filters[1]}, or null
 */
public record Diagnostic(
    String rule,
    Severity severity,
    SourceSpan span,
    String message,
    ResourceRef resource,
    String fieldPath) {

  /** The one order in which diagnostics are reported: file, line, column, rule, then the rest. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing((Diagnostic d) -> d.span().file())
          .thenComparingInt(d -> d.span().document())
          .thenComparingInt(d -> d.span().line())
          .thenComparingInt(d -> d.span().column())
          .thenComparing(Diagnostic::rule)
          .thenComparing(Diagnostic::message)
          .thenComparing(d -> d.fieldPath() == null ? "" : d.fieldPath());

  public Diagnostic {
    if (rule == null || rule.isEmpty()) {
      throw new IllegalArgumentException("rule id required");
    }
    if (severity == null || span == null || message == null) {
      throw new IllegalArgumentException("severity, span and message required");
    }
    if (resource == null) {
      resource = ResourceRef.NONE;
    }
  }
}
