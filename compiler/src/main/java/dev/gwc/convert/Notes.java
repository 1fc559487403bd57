package dev.gwc.convert;

import dev.gwc.diag.ResourceRef;
import dev.gwc.diag.Severity;
import dev.gwc.resource.Manifest;
import dev.gwc.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/** Collects the notifications of one conversion. */
final class Notes {
  private final List<Notification> all = new ArrayList<>();

  void add(Severity severity, Manifest about, SourceSpan at, String message, String annotation) {
    all.add(new Notification(severity, message, at, ref(about), annotation));
  }

  void error(Manifest about, SourceSpan at, String message) {
    add(Severity.ERROR, about, at, message, null);
  }

  void warn(Manifest about, SourceSpan at, String message) {
    add(Severity.WARNING, about, at, message, null);
  }

  void info(Manifest about, SourceSpan at, String message) {
    add(Severity.INFO, about, at, message, null);
  }

  /** A notification about one annotation, at the annotation's key. */
  void annotation(Severity severity, Manifest about, Annotation a, String message) {
    add(severity, about, a.span(), message, a.key());
  }

  void addAll(List<Notification> notifications) {
    all.addAll(notifications);
  }

  List<Notification> all() {
    return List.copyOf(all);
  }

  private static ResourceRef ref(Manifest m) {
    return m == null ? ResourceRef.NONE : m.ref();
  }
}
