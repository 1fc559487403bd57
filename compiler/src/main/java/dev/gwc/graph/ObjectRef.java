package dev.gwc.graph;

import dev.gwc.yaml.YNode;

/**
 * A reference from one object to another as written: parentRefs, backendRefs, certificateRefs.
 *
 * @param group the group ("" for core)
 * @param kind the kind
 * @param namespace the namespace (defaulted to the referrer's)
 * @param name the name
 * @param sectionName the section (listener) name, or null
 * @param port the port, or null
 * @param node where it is written
 * @param path its field path
 */
public record ObjectRef(
    String group,
    String kind,
    String namespace,
    String name,
    String sectionName,
    Integer port,
    YNode node,
    String path) {

  /** Whether the reference crosses into another namespace than {@code from}. */
  public boolean crossNamespace(String from) {
    return namespace != null && !namespace.equals(from);
  }

  /** {@code namespace/name}. */
  public String display() {
    return (namespace == null ? "" : namespace + "/") + name;
  }
}
