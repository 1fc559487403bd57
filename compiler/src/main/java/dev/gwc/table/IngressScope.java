package dev.gwc.table;

import java.util.List;

/**
 * What the ingress-nginx data plane serves and may assume.
 *
 * @param classes the ingress classes it serves; empty for those an ingress-nginx with default flags
 *     claims
 * @param complete whether the input is the whole set ({@code --complete}): a backend Service that
 *     is not in it has no endpoints (503) instead of being assumed to exist
 */
public record IngressScope(List<String> classes, boolean complete) {
  /** The default: the classes a default ingress-nginx claims; Services not in the input exist. */
  public static final IngressScope DEFAULT = new IngressScope(List.of(), false);

  public IngressScope {
    classes = List.copyOf(classes);
  }
}
