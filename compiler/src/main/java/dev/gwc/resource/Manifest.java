package dev.gwc.resource;

import dev.gwc.diag.ResourceRef;
import dev.gwc.yaml.YEntry;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YamlDocument;
import java.util.List;

/**
 * One Kubernetes object read from the input, with its identity as written.
 *
 * @param document the YAML document it came from (a {@code List} contributes several manifests)
 * @param root the object's mapping
 * @param apiVersion the apiVersion as written
 * @param kind the kind as written
 * @param name metadata.name, or null when missing
 * @param namespace metadata.namespace, the default namespace when absent, null when cluster-scoped
 * @param listItem the index inside a {@code List}, or -1
 */
public record Manifest(
    YamlDocument document,
    YMap root,
    String apiVersion,
    String kind,
    String name,
    String namespace,
    int listItem) {

  /** The API group from the apiVersion ("" for the core group). */
  public String group() {
    int slash = apiVersion.lastIndexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** The resource reference for diagnostics. */
  public ResourceRef ref() {
    return new ResourceRef(kind, namespace, name);
  }

  /**
   * A finding when the object has neither metadata.name nor metadata.generateName; else null. Only
   * objects gwc validates need one (a kustomization.yaml has no metadata at all).
   */
  public dev.gwc.diag.Diagnostic missingName() {
    YMap meta = root.get("metadata") instanceof YMap mm ? mm : null;
    if (name != null || (meta != null && meta.string("generateName") != null)) {
      return null;
    }
    dev.gwc.yaml.YNode at = meta != null ? meta : root;
    String hint = meta == null ? " (the object has no metadata)" : "";
    return ResourceRules.MISSING_NAME.at(
        at.span(), "missing metadata.name" + hint, ref(), "metadata.name");
  }

  /** Where the name is written (the metadata, or the object when it has none). */
  public dev.gwc.source.SourceSpan nameSpan() {
    if (root.get("metadata") instanceof YMap meta && meta.get("name") != null) {
      return meta.get("name").span();
    }
    return root.span();
  }

  /**
   * This manifest with only its metadata kept: enough for identity, positions of the name and the
   * object, creationTimestamp and generation, but not the whole tree, so that a large input does
   * not keep every parsed document alive until the cross-resource stage has run.
   */
  public Manifest slim() {
    List<YEntry> kept = new java.util.ArrayList<>();
    YEntry meta = root.entry("metadata");
    if (meta != null) {
      kept.add(meta);
    }
    YMap slimRoot = new YMap(root.span(), kept);
    return new Manifest(
        new YamlDocument(document.source(), document.index(), slimRoot),
        slimRoot,
        apiVersion,
        kind,
        name,
        namespace,
        listItem);
  }

  /** The file as given. */
  public String file() {
    return document.source().name();
  }
}
