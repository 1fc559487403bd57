package dev.gwc.convert;

import dev.gwc.diag.ResourceRef;
import dev.gwc.diag.Severity;
import dev.gwc.source.SourceSpan;
import java.util.Comparator;

/**
 * Something of the input that the conversion could not carry over as it was, or did differently.
 *
 * @param severity error when the output routes differently in a way that breaks traffic, warning
 *     when a feature is lost or approximated, info for what changes nothing in routing
 * @param message a lowercase fragment, names in single quotes
 * @param span where in the input (the annotation's key for annotations)
 * @param resource the object it is about (usually an Ingress)
 * @param annotation the annotation concerned, or null
 */
public record Notification(
    Severity severity, String message, SourceSpan span, ResourceRef resource, String annotation) {

  /** File, line, column, then message: the order of every rendering. */
  public static final Comparator<Notification> ORDER =
      Comparator.comparing((Notification n) -> n.span().file())
          .thenComparingInt(n -> n.span().document())
          .thenComparingInt(n -> n.span().line())
          .thenComparingInt(n -> n.span().column())
          .thenComparing(Notification::message);
}
