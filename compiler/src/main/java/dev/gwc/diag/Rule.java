package dev.gwc.diag;

import dev.gwc.source.SourceSpan;

/**
 * A rule's metadata, declared once next to the code that checks it; its long explanation lives in
 * {@code rules/<id>.md}.
 *
 * @param id stable, readable id such as {@code unknown-field}; never reused
 * @param severity default severity
 * @param summary one-line summary, a lowercase fragment
 * @param specSection where in the Gateway API or Kubernetes specification the rule comes from
 */
public record Rule(String id, Severity severity, String summary, String specSection) {
  public Rule {
    if (!id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("rule id must be kebab-case: " + id);
    }
  }

  /** A diagnostic of this rule at its default severity. */
  public Diagnostic at(SourceSpan span, String message, ResourceRef resource, String fieldPath) {
    return new Diagnostic(id, severity, span, message, resource, fieldPath);
  }
}
