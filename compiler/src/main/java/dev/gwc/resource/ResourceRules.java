package dev.gwc.resource;

import dev.gwc.diag.Rule;
import dev.gwc.diag.Severity;
import java.util.List;

/** The rules of the resource stage: every document must say what it is. */
public final class ResourceRules {
  private ResourceRules() {}

  public static final Rule NOT_AN_OBJECT =
      new Rule(
          "not-an-object",
          Severity.ERROR,
          "a document is a scalar or a list where a Kubernetes object was expected",
          "Kubernetes API conventions: every object has apiVersion, kind and metadata");

  public static final Rule MISSING_API_VERSION =
      new Rule(
          "missing-api-version",
          Severity.ERROR,
          "an object without apiVersion",
          "Kubernetes API conventions: apiVersion and kind identify the schema");

  public static final Rule MISSING_KIND =
      new Rule(
          "missing-kind",
          Severity.ERROR,
          "an object without kind",
          "Kubernetes API conventions: apiVersion and kind identify the schema");

  public static final Rule MISSING_NAME =
      new Rule(
          "missing-name",
          Severity.ERROR,
          "an object without metadata.name (or generateName)",
          "Kubernetes API conventions: ObjectMeta name");

  public static final Rule DUPLICATE_RESOURCE =
      new Rule(
          "duplicate-resource",
          Severity.ERROR,
          "the same object (kind, namespace, name) is defined twice; the last one wins",
          "Kubernetes object identity: kind, namespace and name are unique");

  /** Every rule of this stage. */
  public static List<Rule> all() {
    return List.of(
        NOT_AN_OBJECT, MISSING_API_VERSION, MISSING_KIND, MISSING_NAME, DUPLICATE_RESOURCE);
  }
}
