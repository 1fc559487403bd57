package dev.gwc.resource;

import dev.gwc.diag.Diagnostic;
import dev.gwc.diag.ResourceRef;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import dev.gwc.yaml.YSeq;
import dev.gwc.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * The resource stage: turns YAML documents into manifests, unpacking {@code kind: List} and {@code
 * *List} kinds, and reports documents that do not say what they are.
 */
public final class ManifestReader {
  /** Kinds whose objects have no namespace. */
  private static final java.util.Set<String> CLUSTER_SCOPED =
      java.util.Set.of(
          "GatewayClass",
          "Namespace",
          "IngressClass",
          "CustomResourceDefinition",
          "ClusterRole",
          "ClusterRoleBinding",
          "PersistentVolume",
          "StorageClass",
          "Node",
          "ValidatingAdmissionPolicy",
          "ValidatingAdmissionPolicyBinding");

  private final String defaultNamespace;

  /**
   * Creates a reader.
   *
   * @param defaultNamespace the namespace of resources that do not name one
   */
  public ManifestReader(String defaultNamespace) {
    this.defaultNamespace = defaultNamespace;
  }

  /**
   * What the stage produces for a set of documents.
   *
   * @param manifests the objects found
   * @param diagnostics documents that are not objects or lack identity
   */
  public record Result(List<Manifest> manifests, List<Diagnostic> diagnostics) {}

  public Result read(List<YamlDocument> documents) {
    List<Manifest> manifests = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    for (YamlDocument doc : documents) {
      if (doc.root() == null || (doc.root() instanceof dev.gwc.yaml.YScalar s && s.isNull())) {
        continue; // empty documents (a trailing '---', only comments) are skipped, as kubectl does
      }
      read(doc, doc.root(), -1, manifests, diags);
    }
    return new Result(manifests, diags);
  }

  private void read(
      YamlDocument doc, YNode node, int listItem, List<Manifest> out, List<Diagnostic> diags) {
    if (!(node instanceof YMap m)) {
      diags.add(
          ResourceRules.NOT_AN_OBJECT.at(
              node.span(),
              "expected a Kubernetes object (a mapping with apiVersion, kind and metadata), got "
                  + node.typeName(),
              ResourceRef.NONE,
              null));
      return;
    }
    String apiVersion = m.string("apiVersion");
    String kind = m.string("kind");
    if (kind != null
        && listItem < 0
        && (kind.equals("List") || kind.endsWith("List"))
        && m.get("items") instanceof YSeq items) {
      for (int i = 0; i < items.items().size(); i++) {
        read(doc, items.items().get(i), i, out, diags);
      }
      return;
    }
    String name = null;
    String namespace = null;
    if (m.get("metadata") instanceof YMap meta) {
      name = meta.string("name");
      namespace = meta.string("namespace");
    }
    if (namespace == null && (kind == null || !CLUSTER_SCOPED.contains(kind))) {
      namespace = defaultNamespace;
    }
    ResourceRef ref = new ResourceRef(kind, namespace, name);
    boolean ok = true;
    if (apiVersion == null || apiVersion.isBlank()) {
      diags.add(
          ResourceRules.MISSING_API_VERSION.at(m.span(), "missing apiVersion", ref, "apiVersion"));
      ok = false;
    }
    if (kind == null || kind.isBlank()) {
      diags.add(ResourceRules.MISSING_KIND.at(m.span(), "missing kind", ref, "kind"));
      ok = false;
    }
    if (ok) {
      out.add(new Manifest(doc, m, apiVersion, kind, name, namespace, listItem));
    }
  }
}
