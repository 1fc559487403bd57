package dev.gwc.validate.schema;

import java.util.List;

/**
 * A CustomResourceDefinition as gwc needs it: identity, scope and per-version schemas.
 *
 * @param group the API group ("" for the core group)
 * @param kind the kind
 * @param listKind the list kind, or null
 * @param namespaced whether objects live in a namespace
 * @param versions the versions in the CRD's order
 * @param origin where it came from: {@code bundled 1.6.1/standard} or a file path
 */
public record Crd(
    String group,
    String kind,
    String listKind,
    boolean namespaced,
    List<CrdVersion> versions,
    String origin) {
  public Crd {
    versions = List.copyOf(versions);
  }

  /** The version with this name, or null. */
  public CrdVersion version(String name) {
    for (CrdVersion v : versions) {
      if (v.name().equals(name)) {
        return v;
      }
    }
    return null;
  }

  /** {@code group/version} as written in apiVersion. */
  public String apiVersion(String version) {
    return group.isEmpty() ? version : group + "/" + version;
  }
}
