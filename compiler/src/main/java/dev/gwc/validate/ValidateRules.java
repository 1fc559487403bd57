package dev.gwc.validate;

import dev.gwc.diag.Rule;
import dev.gwc.diag.Severity;
import java.util.List;

/** The rules the validate stage reports when it picks a schema for a manifest. */
public final class ValidateRules {
  private ValidateRules() {}

  public static final Rule UNKNOWN_API_VERSION =
      new Rule(
          "unknown-api-version",
          Severity.ERROR,
          "the apiVersion does not serve this kind (a typo, or a version the release does not serve)",
          "Kubernetes API versioning; Gateway API CRD versions and their served flags");

  public static final Rule MISSPELLED_KIND =
      new Rule(
          "misspelled-kind",
          Severity.ERROR,
          "a kind in a group gwc validates that does not exist there",
          "Gateway API resource kinds; Kubernetes networking.k8s.io and core kinds");

  public static final Rule KIND_NOT_IN_RELEASE =
      new Rule(
          "kind-not-in-release",
          Severity.ERROR,
          "a Gateway API kind that the chosen release does not have",
          "Gateway API release notes (kinds added per release)");

  public static final Rule UNKNOWN_KIND =
      new Rule(
          "unknown-kind",
          Severity.INFO,
          "a kind gwc does not validate; it is read, indexed and otherwise ignored",
          "gwc contract: other kinds are reported once at info level");

  public static final Rule DEPRECATED_VERSION =
      new Rule(
          "deprecated-version",
          Severity.WARNING,
          "the apiVersion is served but deprecated",
          "Kubernetes API deprecation policy; CRD versions marked deprecated");

  /** Every rule of this stage. */
  public static List<Rule> all() {
    return List.of(
        UNKNOWN_API_VERSION,
        MISSPELLED_KIND,
        KIND_NOT_IN_RELEASE,
        UNKNOWN_KIND,
        DEPRECATED_VERSION);
  }
}
