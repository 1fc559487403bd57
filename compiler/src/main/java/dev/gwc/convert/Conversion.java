package dev.gwc.convert;

import dev.gwc.diag.Severity;
import dev.gwc.source.SourceFile;
import dev.gwc.source.SourceSpan;
import dev.gwc.yaml.PlainNodes;
import dev.gwc.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a conversion produced.
 *
 * @param resources the Gateway API objects, in a stable order (kind, namespace, name)
 * @param notifications what could not be carried over as written, sorted by position
 * @param sources the decoded input files by name, for showing source lines
 * @param ingresses how many Ingresses were converted
 * @param origins where each converted Ingress ({@code namespace/name}) has its name
 */
public record Conversion(
    List<Map<String, Object>> resources,
    List<Notification> notifications,
    Map<String, SourceFile> sources,
    int ingresses,
    Map<String, SourceSpan> origins) {
  public Conversion {
    resources = List.copyOf(resources);
    notifications = notifications.stream().sorted(Notification.ORDER).toList();
    sources = Map.copyOf(sources);
    origins = Map.copyOf(origins);
  }

  /** This conversion with other notifications. */
  public Conversion withNotifications(List<Notification> others) {
    return new Conversion(resources, others, sources, ingresses, origins);
  }

  /**
   * The converted objects as YAML documents that no file holds, each standing at the name of the
   * first Ingress it came from ({@code gwc.dev/source}), so that the compiler reads them with the
   * inputs and points its findings about them at that Ingress.
   */
  public List<YamlDocument> documents() {
    List<YamlDocument> out = new ArrayList<>(resources.size());
    for (Map<String, Object> r : resources) {
      SourceSpan at = origin(r);
      SourceFile file = sources.get(at.file());
      out.add(new YamlDocument(file, at.document(), PlainNodes.of(r, at)));
    }
    return out;
  }

  private SourceSpan origin(Map<String, Object> resource) {
    Object meta = resource.get("metadata");
    Object annotations = meta instanceof Map<?, ?> m ? m.get("annotations") : null;
    Object source = annotations instanceof Map<?, ?> a ? a.get(Names.SOURCE_ANNOTATION) : null;
    String first = source == null ? "" : String.valueOf(source).split(",", -1)[0];
    SourceSpan at = origins.get(first);
    if (at == null) {
      // Every writer names its Ingresses; should one not, the first Ingress stands for them.
      at = origins.get(new java.util.TreeSet<>(origins.keySet()).first());
    }
    return at;
  }

  /** Whether any notification is an error. */
  public boolean hasErrors() {
    return notifications.stream().anyMatch(n -> n.severity() == Severity.ERROR);
  }
}
