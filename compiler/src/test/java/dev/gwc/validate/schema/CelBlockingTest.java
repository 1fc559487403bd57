package dev.gwc.validate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which schema errors keep an object's CEL rules from running, and how the messages read: as the
 * API server does, a missing required field, an unsupported enum value, a value too long, too many
 * items or a wrong type blocks every rule of the object (and says so once); other schema errors do
 * not.
 */
class CelBlockingTest {
  @TempDir Path tmp;
  private Path crd;

  @BeforeEach
  void writeCrd() throws IOException {
    crd = tmp.resolve("crd.yaml");
    Files.writeString(
        crd,
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: limits.example.com
        spec:
          group: example.com
          names: {kind: Limit, plural: limits}
          scope: Namespaced
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    required: [burst]
                    x-kubernetes-validations:
                    - rule: self.requests <= self.burst
                      message: requests must not exceed burst
                    - rule: "!has(self.quotas) || self.quotas['cpu'] > 0"
                      message: the cpu quota must be positive
                    properties:
                      requests: {type: integer, minimum: 0}
                      burst: {type: integer}
                      mode: {type: string, enum: [fast, slow]}
                      name: {type: string, maxLength: 3, pattern: '^[a-z]+$'}
                      tags: {type: array, maxItems: 1, items: {type: string}}
                      quotas: {type: object, additionalProperties: {type: integer}}
        """,
        StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // what spec adds to 'requests: 10, burst: 5' | CEL runs | the schema message starts with
        "mode: medium | false | 'Unsupported value: \"medium\": supported values: \"fast\", \"slow\"'",
        "name: abcd | false | Too long: may not be more than 3 bytes",
        "tags: [a, b] | false | 'Too many: 2: must have at most 1 items'",
        "burst: many | false | must be of type integer",
        "name: AB | true | 'Invalid value: \"AB\": should match ''^[a-z]+$'''",
        "requests: -1 | true | 'Invalid value: -1: should be greater than or equal to 0'",
      })
  void blockingErrorsKeepRulesFromRunning(String extra, boolean celRuns, String schemaMessage)
      throws IOException {
    String spec = "  requests: 10\n  burst: 5\n";
    String key = extra.substring(0, extra.indexOf(':'));
    spec = spec.replaceAll("(?m)^  " + key + ":.*\\n", "") + "  " + extra + "\n";
    List<Map<String, Object>> found = validate(spec);
    Map<String, Object> schema = only(found, "schema");
    assertTrue(
        String.valueOf(schema.get("message")).startsWith(schemaMessage),
        () -> schema.get("message") + " does not start with " + schemaMessage);
    if (extra.startsWith("requests: -1")) {
      // -1 <= 5: the ordering rule passes; what matters is that it ran, which the next case shows.
      assertEquals(List.of(), ofRule(found, "cel-not-evaluated"));
      return;
    }
    assertEquals(celRuns ? 1 : 0, ofRule(found, "cel").size(), found::toString);
    assertEquals(celRuns ? 0 : 1, ofRule(found, "cel-not-evaluated").size(), found::toString);
    if (!celRuns) {
      assertEquals(
          "some validation rules were not checked because the object was invalid; correct the"
              + " existing errors to complete validation",
          only(found, "cel-not-evaluated").get("message"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"burst", "requests"})
  void aMissingRequiredFieldBlocks_anOptionalOneDoesNot(String omitted) throws IOException {
    List<Map<String, Object>> found =
        validate(omitted.equals("burst") ? "  requests: 10\n" : "  burst: 5\n");
    if (omitted.equals("burst")) {
      assertEquals(
          "Required value: missing required field 'burst'", only(found, "schema").get("message"));
      assertEquals(1, ofRule(found, "cel-not-evaluated").size(), found::toString);
    } else {
      // requests is optional: the rule runs, and reading the absent field fails as it does on the
      // API server.
      assertEquals(
          "no such key: requests evaluating rule: requests must not exceed burst",
          only(found, "cel").get("message"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"'quotas: {mem: 1}'"})
  void aRuleThatFailsWhileRunning_isWordedAsTheApiServerWordsIt(String extra) throws IOException {
    List<Map<String, Object>> found = validate("  requests: 1\n  burst: 5\n  " + extra + "\n");
    assertEquals(
        "no such key: cpu evaluating rule: the cpu quota must be positive",
        only(found, "cel").get("message"));
  }

  private List<Map<String, Object>> validate(String spec) throws IOException {
    Path limit = tmp.resolve("limit.yaml");
    Files.writeString(
        limit,
        "apiVersion: example.com/v1\nkind: Limit\nmetadata:\n  name: l\nspec:\n" + spec,
        StandardCharsets.UTF_8);
    Gwc.Run run =
        Gwc.run("validate", "--format", "json", "--crds", crd.toString(), limit.toString());
    return run.diagnostics();
  }

  private static List<Map<String, Object>> ofRule(List<Map<String, Object>> found, String rule) {
    return found.stream().filter(d -> rule.equals(d.get("rule"))).toList();
  }

  private static Map<String, Object> only(List<Map<String, Object>> found, String rule) {
    List<Map<String, Object>> of = ofRule(found, rule);
    assertEquals(1, of.size(), () -> rule + " in " + found);
    return of.get(0);
  }
}
