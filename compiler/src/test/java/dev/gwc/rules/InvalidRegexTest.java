package dev.gwc.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every RegularExpression field of HTTPRoute and GRPCRoute matches is checked, and only those. */
class InvalidRegexTest {
  @TempDir Path dir;

  @Test
  void everyRegexField_checkedWhereItIs() throws IOException {
    Path f = dir.resolve("routes.yaml");
    Files.writeString(
        f,
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web}
        spec:
          rules:
          - matches:
            - path: {type: RegularExpression, value: "/ok/[a-z]+"}
              headers:
              - {name: x-a, type: RegularExpression, value: "a(b"}
              - {name: x-b, value: "a(b"}
              queryParams:
              - {name: q, type: RegularExpression, value: "(x{2}){501}"}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: GRPCRoute
        metadata: {name: rpc}
        spec:
          rules:
          - matches:
            - method: {type: RegularExpression, service: "svc\\\\.v[0-9]", method: "Get(?=x)"}
        """);
    Gwc.Run run = Gwc.run("validate", "--format", "json", f.toString());
    List<String> found =
        run.diagnostics().stream()
            .filter(d -> "invalid-regex".equals(d.get("rule")))
            .map(InvalidRegexTest::where)
            .toList();
    assertEquals(
        List.of(
            "9 spec.rules[0].matches[0].headers[0].value",
            "12 spec.rules[0].matches[0].queryParams[0].value",
            "20 spec.rules[0].matches[0].method.method"),
        found,
        run.out());
  }

  private static String where(Map<String, Object> d) {
    return d.get("line") + " " + d.get("path");
  }
}
