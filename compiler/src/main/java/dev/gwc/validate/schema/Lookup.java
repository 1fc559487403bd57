package dev.gwc.validate.schema;

import java.util.List;
import java.util.function.Supplier;

/** What the catalog knows about an apiVersion and kind. */
public sealed interface Lookup {
  /**
   * A schema to validate against.
   *
   * @param crd the CRD
   * @param version the version
   * @param experimental the experimental channel's schema of the same kind and version, when
   *     validating against the standard channel; else null
   */
  record Found(Crd crd, CrdVersion version, Supplier<Schema> experimental) implements Lookup {}

  /**
   * The kind is known, but not with this group and version.
   *
   * @param crd the CRD of that kind
   * @param suggestion the closest apiVersion that serves the kind, or null
   * @param served the apiVersions that serve the kind
   */
  record WrongApiVersion(Crd crd, String suggestion, List<String> served) implements Lookup {}

  /**
   * The kind exists only in the experimental channel of this release.
   *
   * @param apiVersions the experimental apiVersions serving it
   */
  record ExperimentalOnly(List<String> apiVersions) implements Lookup {}

  /**
   * The kind is not in this release but in another bundled one.
   *
   * @param releases the bundled releases that have it
   */
  record OtherRelease(List<String> releases) implements Lookup {}

  /**
   * The group is one gwc validates, but it has no such kind.
   *
   * @param suggestion the closest known kind, or null
   */
  record MisspelledKind(String suggestion) implements Lookup {}

  /** A kind gwc does not validate. */
  record Unknown() implements Lookup {}
}
