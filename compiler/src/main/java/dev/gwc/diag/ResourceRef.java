package dev.gwc.diag;

/**
 * The resource a diagnostic is about, as far as it is known.
 *
 * @param kind the kind, or null when the document has none
 * @param namespace the namespace (after defaulting), or null for cluster-scoped or unknown
 * @param name the name, or null when missing
 */
public record ResourceRef(String kind, String namespace, String name) {
  /** No resource: the diagnostic is about a file or a broken document. */
  public static final ResourceRef NONE = new ResourceRef(null, null, null);

  /** A short display form such as {@code HTTPRoute shop/web}. */
  public String display() {
    StringBuilder sb = new StringBuilder();
    if (kind != null) {
      sb.append(kind);
    }
    if (name != null) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      if (namespace != null) {
        sb.append(namespace).append('/');
      }
      sb.append(name);
    }
    return sb.toString();
  }
}
