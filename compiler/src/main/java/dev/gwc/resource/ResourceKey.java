package dev.gwc.resource;

/**
 * gwc's identity of a resource: group, kind, namespace (null when cluster-scoped) and name.
 *
 * @param group the API group, "" for core
 * @param kind the kind
 * @param namespace the namespace after defaulting, or null
 * @param name the name
 */
public record ResourceKey(String group, String kind, String namespace, String name) {
  @Override
  public String toString() {
    return kind + " " + (namespace == null ? "" : namespace + "/") + name;
  }
}
