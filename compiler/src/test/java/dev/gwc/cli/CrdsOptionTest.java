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

  private Path loopingCrd(String itemsBound) throws IOException {
    return write(
        "loop-crd.yaml",
        "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: loops.example.com\n"
            + "spec:\n  group: example.com\n  names:\n    kind: Loop\n    plural: loops\n  scope: Namespaced\n"
            + "  versions:\n  - name: v1\n    served: true\n    storage: true\n    schema:\n      openAPIV3Schema:\n"
            + "        type: object\n        properties:\n          spec:\n            type: object\n"
            + "            x-kubernetes-validations:\n"
            + "            - rule: \"self.items.all(a, self.items.exists_one(b, a.name == b.name))\"\n"
            + "            properties:\n              items:\n                type: array\n"
            + itemsBound
            + "                items:\n                  type: object\n"
            + "                  properties:\n                    name: {type: string}\n");
  }

  @Test
  void crds_nestedLoopsOverUnboundedLists_areTooExpensive() throws IOException {
    Path x = write("l.yaml", "apiVersion: example.com/v1\nkind: Loop\nmetadata:\n  name: l\n");
    Gwc.Run unbounded =
        Gwc.run("validate", "--format", "json", "--crds", loopingCrd("").toString(), x.toString());
    List<Map<String, Object>> d = unbounded.diagnostics();
    assertEquals(1, d.size(), unbounded.out());
    assertEquals("crd-invalid", d.get(0).get("rule"));
    assertEquals(22L, d.get(0).get("line"));
    String message = (String) d.get(0).get("message");
    org.junit.jupiter.api.Assertions.assertTrue(
        message.contains(
            "a loop over self.items (no maxItems) inside a loop over self.items (no maxItems)"),
        message);
    Gwc.Run bounded =
        Gwc.run(
            "validate",
            "--format",
            "json",
            "--crds",
            loopingCrd("                maxItems: 64\n").toString(),
            x.toString());
    assertEquals(0, bounded.exit(), bounded.out());
  }

  /**
   * The estimate is a lower bound: no CRD the API server accepts (the upstream ones) is refused.
   */
  @Test
  void crds_upstreamCrdsAreNeverTooExpensive() throws IOException {
    List<Path> folders = new java.util.ArrayList<>();
    try (var releases = Files.list(Gwc.shared().resolve("gateway-api"))) {
      releases.filter(Files::isDirectory).forEach(folders::add);
    }
    folders.add(Gwc.shared().resolve("istio"));
    for (Path folder : folders) {
      Gwc.Run run =
          Gwc.run(
              "validate",
              "--crds",
              folder.toString(),
              Gwc.root().resolve("examples/shop").toString());
      org.junit.jupiter.api.Assertions.assertFalse(
          run.out().contains("too expensive") || run.err().contains("too expensive"),
          folder + ":\n" + run.out());
    }
  }
}
