package dev.gwc.yaml;

import dev.gwc.diag.Rule;
import dev.gwc.diag.Severity;
import java.util.List;

/** The rules the YAML stage reports. */
public final class YamlRules {
  private YamlRules() {}

  public static final Rule SYNTAX =
      new Rule(
          "yaml-syntax",
          Severity.ERROR,
          "the file is not well-formed YAML or JSON",
          "YAML 1.2 specification; Kubernetes reads manifests as YAML");

  public static final Rule DUPLICATE_KEY =
      new Rule(
          "duplicate-key",
          Severity.ERROR,
          "a mapping has the same key twice",
          "YAML 1.2 specification, section 3.2.1.1 (mapping keys are unique)");

  public static final Rule INVALID_ENCODING =
      new Rule(
          "invalid-encoding",
          Severity.ERROR,
          "the file is not UTF-8 text",
          "YAML 1.2 specification, section 5.2 (character encodings)");

  public static final Rule LIMIT =
      new Rule(
          "input-limit",
          Severity.ERROR,
          "a document exceeds a safety limit (nesting depth, alias expansion, size)",
          "gwc's own limits against hostile input");

  public static final Rule TEMPLATE_SOURCE =
      new Rule(
          "template-source",
          Severity.WARNING,
          "a Helm chart, Kustomize folder or template file, which must be rendered before it is"
              + " validated",
          "Helm templates (Go templates) and Kustomize overlays produce manifests; they are not"
              + " manifests");

  /** Every rule of this stage. */
  public static List<Rule> all() {
    return List.of(SYNTAX, DUPLICATE_KEY, INVALID_ENCODING, LIMIT, TEMPLATE_SOURCE);
  }
}
