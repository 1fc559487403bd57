package dev.gwc.convert;

import dev.gwc.diag.Severity;
import dev.gwc.nginx.IngressNginx;
import dev.gwc.resource.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ingress-nginx annotations of one Ingress that are to be applied, read as typed values; a
 * value that does not parse is reported at its annotation and the default is used.
 */
final class AnnotationValues {
  private final Manifest manifest;
  private final Map<String, Annotation> byName;
  private final Notes notes;

  /**
   * Creates a reader.
   *
   * @param manifest the Ingress
   * @param byName its applicable ingress-nginx annotations by short name
   * @param notes where problems go
   */
  AnnotationValues(Manifest manifest, Map<String, Annotation> byName, Notes notes) {
    this.manifest = manifest;
    this.byName = Map.copyOf(byName);
    this.notes = notes;
  }

  Map<String, Annotation> byName() {
    return byName;
  }

  boolean has(String name) {
    return byName.containsKey(name);
  }

  /** The value without surrounding white space, or null when absent or blank. */
  String value(String name) {
    Annotation a = byName.get(name);
    return a == null ? null : IngressNginx.text(a.value());
  }

  boolean bool(String name, boolean dflt) {
    String v = value(name);
    if (v == null) {
      return dflt;
    }
    Boolean b = IngressNginx.bool(v);
    if (b == null) {
      warn(
          name,
          "annotation '"
              + name
              + "' expects \"true\" or \"false\", got '"
              + v
              + "'; using "
              + dflt);
      return dflt;
    }
    return b;
  }

  /** The number, or null when absent or not a number (reported). */
  Integer integer(String name) {
    String v = value(name);
    if (v == null) {
      return null;
    }
    Integer i = IngressNginx.integer(v);
    if (i == null) {
      warn(name, "annotation '" + name + "' expects a number, got '" + v + "'; ignored");
    }
    return i;
  }

  /** A comma-separated list, trimmed, without repeats. */
  List<String> list(String name, String dflt) {
    String v = value(name);
    List<String> out = new ArrayList<>();
    for (String part : (v == null ? dflt : v).split(",")) {
      String t = part.trim();
      if (!t.isEmpty() && !out.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }

  /** A warning at the annotation. */
  void warn(String name, String message) {
    notes.annotation(Severity.WARNING, manifest, byName.get(name), message);
  }

  /** Information at the annotation. */
  void info(String name, String message) {
    notes.annotation(Severity.INFO, manifest, byName.get(name), message);
  }
}
