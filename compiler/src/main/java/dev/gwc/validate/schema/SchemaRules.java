package dev.gwc.validate.schema;

import dev.gwc.diag.Rule;
import dev.gwc.diag.Severity;
import java.util.List;

/** The rules the schema and CEL layers report. */
public final class SchemaRules {
  private SchemaRules() {}

  public static final Rule SCHEMA =
      new Rule(
          "schema",
          Severity.ERROR,
          "a value does not fit the CRD's OpenAPI schema (type, enum, pattern, bounds, format, required)",
          "Kubernetes structural schemas (CustomResourceDefinition openAPIV3Schema)");

  public static final Rule UNKNOWN_FIELD =
      new Rule(
          "unknown-field",
          Severity.ERROR,
          "a field that the schema does not define",
          "Kubernetes strict field validation (unknown fields are rejected, not pruned)");

  public static final Rule EXPERIMENTAL_ONLY =
      new Rule(
          "experimental-only",
          Severity.ERROR,
          "a kind, field or value that only the experimental channel defines",
          "Gateway API release channels (standard and experimental CRDs)");

  public static final Rule DUPLICATE_ENTRY =
      new Rule(
          "duplicate-entry",
          Severity.ERROR,
          "two list entries with the same key in a list of type map or set",
          "Kubernetes x-kubernetes-list-type map and set");

  public static final Rule CEL =
      new Rule(
          "cel",
          Severity.ERROR,
          "a CEL validation rule of the CRD (x-kubernetes-validations) is not satisfied",
          "Kubernetes CRD validation rules; Gateway API validates with CEL since v1.1");

  public static final Rule CEL_SKIPPED =
      new Rule(
          "cel-skipped",
          Severity.INFO,
          "a transition rule (one that compares with oldSelf) cannot run on a manifest in Git",
          "Kubernetes CRD transition rules");

  public static final Rule CEL_NOT_EVALUATED =
      new Rule(
          "cel-not-evaluated",
          Severity.INFO,
          "the CEL rules of an object were not evaluated because its schema errors block them",
          "Kubernetes CRD validation: rules do not run on an object with blocking schema errors");

  public static final Rule CRD_INVALID =
      new Rule(
          "crd-invalid",
          Severity.ERROR,
          "a CustomResourceDefinition given with --crds cannot be used as written",
          "Kubernetes CustomResourceDefinition API");

  /** Every rule of this stage. */
  public static List<Rule> all() {
    return List.of(
        SCHEMA,
        UNKNOWN_FIELD,
        EXPERIMENTAL_ONLY,
        DUPLICATE_ENTRY,
        CEL,
        CEL_SKIPPED,
        CEL_NOT_EVALUATED,
        CRD_INVALID);
  }
}
