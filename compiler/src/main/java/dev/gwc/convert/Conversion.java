package dev.gwc.convert;

import dev.gwc.diag.Severity;
import dev.gwc.source.SourceFile;
import java.util.List;
import java.util.Map;

/**
 * What a conversion produced.
 *
 * @param resources the Gateway API objects, in a stable order (kind, namespace, name)
 * @param notifications what could not be carried over as written, sorted by position
 * @param sources the decoded input files by name, for showing source lines
 * @param inputObjects {@code group/kind/namespace/name} of every named object in the input
 * @param ingresses how many Ingresses were converted
 */
public record Conversion(
    List<Map<String, Object>> resources,
    List<Notification> notifications,
    Map<String, SourceFile> sources,
    java.util.Set<String> inputObjects,
    int ingresses) {
  public Conversion {
    resources = List.copyOf(resources);
    notifications = notifications.stream().sorted(Notification.ORDER).toList();
    sources = Map.copyOf(sources);
    inputObjects = java.util.Set.copyOf(inputObjects);
  }

  /** The identity of an object as {@link #inputObjects} holds it. */
  public static String id(String group, String kind, String namespace, String name) {
    return group + "/" + kind + "/" + (namespace == null ? "" : namespace) + "/" + name;
  }

  /** Whether any notification is an error. */
  public boolean hasErrors() {
    return notifications.stream().anyMatch(n -> n.severity() == Severity.ERROR);
  }
}
