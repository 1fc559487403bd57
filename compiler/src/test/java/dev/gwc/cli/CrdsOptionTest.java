package dev.gwc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --crds}: a user's own CRDs bring their schemas and CEL rules. */
class CrdsOptionTest {
  @TempDir Path tmp;

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void crds_addUserSchemasAndRules() throws IOException {
    Path crd =
        write(
            "policy-crd.yaml",
            "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: ratelimits.example.com\n"
                + "spec:\n  group: example.com\n  names:\n    kind: RateLimit\n    plural: ratelimits\n  scope: Namespaced\n"
                + "  versions:\n  - name: v1\n    served: true\n    storage: true\n    schema:\n      openAPIV3Schema:\n"
                + "        type: object\n        properties:\n          spec:\n            type: object\n"
                + "            x-kubernetes-validations:\n            - rule: self.requests <= self.burst\n"
                + "              message: requests must not exceed burst\n"
                + "            properties:\n              requests: {type: integer}\n              burst: {type: integer}\n");
    Path policy =
        write(
            "policy.yaml",
            "apiVersion: example.com/v1\nkind: RateLimit\nmetadata:\n  name: r\nspec:\n  requests: 10\n  burst: 5\n  brust: 1\n");
    Gwc.Run without = Gwc.run("validate", "--format", "json", policy.toString());
    assertEquals(0, without.exit());
    assertEquals("unknown-kind", without.diagnostics().get(0).get("rule"));
    Gwc.Run with =
        Gwc.run("validate", "--format", "json", "--crds", crd.toString(), policy.toString());
    assertEquals(1, with.exit());
    List<Object> rules = with.diagnostics().stream().map(d -> d.get("rule")).toList();
    assertEquals(List.of("cel", "unknown-field"), rules.stream().sorted().toList(), with.out());
  }

  @Test
  void crds_brokenRuleIsReportedAtItsLine() throws IOException {
    Path crd =
        write(
            "bad-crd.yaml",
            "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: xs.example.com\n"
                + "spec:\n  group: example.com\n  names:\n    kind: X\n    plural: xs\n  scope: Namespaced\n"
                + "  versions:\n  - name: v1\n    served: true\n    storage: true\n    schema:\n      openAPIV3Schema:\n"
                + "        type: object\n        x-kubernetes-validations:\n        - rule: self.all(x, \n");
    Path x = write("x.yaml", "apiVersion: example.com/v1\nkind: X\nmetadata:\n  name: x\n");
    Gwc.Run run = Gwc.run("validate", "--format", "json", "--crds", crd.toString(), x.toString());
    Map<String, Object> d = run.diagnostics().get(0);
    assertEquals("crd-invalid", d.get("rule"));
    assertEquals(crd.toString(), d.get("file"));
    assertEquals(19L, d.get("line"));
  }

  @Test
  void crds_patternsThatAreNotRe2_areReportedOnTheCrd() throws IOException {
    Path crd =
        write(
            "re-crd.yaml",
            "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: whys.example.com\n"
                + "spec:\n  group: example.com\n  names:\n    kind: Why\n    plural: whys\n  scope: Namespaced\n"
                + "  versions:\n  - name: v1\n    served: true\n    storage: true\n    schema:\n      openAPIV3Schema:\n"
                + "        type: object\n        x-kubernetes-validations:\n        - rule: \"self.metadata.name.matches('[a-z')\"\n"
                + "        properties:\n          spec:\n            type: object\n            properties:\n"
                + "              name: {type: string, pattern: \"(?<=a)b\"}\n");
    Path y =
        write(
            "y.yaml",
            "apiVersion: example.com/v1\nkind: Why\nmetadata:\n  name: y\nspec:\n  name: ab\n");
    Gwc.Run run = Gwc.run("validate", "--format", "json", "--crds", crd.toString(), y.toString());
    assertEquals(1, run.exit(), run.out());
    List<Map<String, Object>> onCrd =
        run.diagnostics().stream().filter(d -> crd.toString().equals(d.get("file"))).toList();
    assertEquals(List.of(19L, 24L), onCrd.stream().map(d -> d.get("line")).toList(), run.out());
    assertEquals(
        List.of("crd-invalid", "crd-invalid"), onCrd.stream().map(d -> d.get("rule")).toList());
    String messages = onCrd.stream().map(d -> (String) d.get("message")).toList().toString();
    org.junit.jupiter.api.Assertions.assertTrue(
        messages.contains("invalid regular expression '[a-z'")
            && messages.contains("pattern '(?<=a)b' is not a valid RE2 regular expression"),
        messages);
  }
}
