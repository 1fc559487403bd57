package dev.gwc.pipeline;

import java.util.List;

/**
 * The settings every command shares.
 *
 * @param release the Gateway API release to validate against, e.g. {@code 1.6.1}
 * @param channel {@code standard} or {@code experimental}
 * @param crds extra CRD files or folders ({@code --crds})
 * @param defaultNamespace the namespace of resources without one
 * @param complete whether the input is the whole set ({@code --complete})
 * @param istioRelease the Istio release to validate against, or null for the newest bundled
 */
public record Options(
    String release,
    String channel,
    List<String> crds,
    String defaultNamespace,
    boolean complete,
    String istioRelease) {
  public Options {
    crds = List.copyOf(crds);
  }

  /** Options with the newest bundled Istio release. */
  public Options(
      String release,
      String channel,
      List<String> crds,
      String defaultNamespace,
      boolean complete) {
    this(release, channel, crds, defaultNamespace, complete, null);
  }
}
