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
 * @param ingresses how many Ingresses were converted
 */
public record Conversion(
    List<Map<String, Object>> resources,
    List<Notification> notifications,
    Map<String, SourceFile> sources,
    int ingresses) {
  public Conversion {
    resources = List.copyOf(resources);
    notifications = notifications.stream().sorted(Notification.ORDER).toList();
    sources = Map.copyOf(sources);
  }

  /** Whether any notification is an error. */
  public boolean hasErrors() {
    return notifications.stream().anyMatch(n -> n.severity() == Severity.ERROR);
  }
}
