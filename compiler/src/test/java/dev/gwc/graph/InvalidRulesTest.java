package dev.gwc.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Fixtures;
import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Header modifier filters that pass the schema but that no implementation may carry out make their
 * rule invalid: the rule is dropped and the route is PartiallyInvalid, or, when no rule is valid,
 * the route is not accepted (UnsupportedValue).
 */
class InvalidRulesTest {
  @TempDir Path tmp;

  private static final String SET =
      Fixtures.GATEWAY_CLASS
          + """
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: gw}
      spec:
        gatewayClassName: gc
        listeners:
        - {name: http, protocol: HTTP, port: 80}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: app}
      spec:
        ports:
        - port: 8080
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: %s
      metadata: {name: r}
      spec:
        parentRefs:
        - name: gw
        rules:
        - backendRefs:
          - {name: app, port: 8080}
        - %s:
          - type: %s
            %s
          backendRefs:
          - {name: app, port: 8080}
      """;

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // filter type | its body | the finding's message starts with (empty: valid)
        "RequestHeaderModifier|'requestHeaderModifier: {set: [{name: X-A, value: a}], add: [{name: X-B,"
            + " value: b}], remove: [X-C]}'|",
        "RequestHeaderModifier|'requestHeaderModifier: {set: [{name: X-Env, value: a}], remove:"
            + " [x-env]}'|header 'x-env' is named by set and remove of one filter",
        "ResponseHeaderModifier|'responseHeaderModifier: {add: [{name: x-a, value: a}, {name: X-A,"
            + " value: b}]}'|header 'X-A' is named by two add entries of one filter",
        "RequestHeaderModifier|'requestHeaderModifier: {remove: [\"bad name\"]}'|header name 'bad"
            + " name' under remove is not a valid header name",
        "RequestHeaderModifier|'requestHeaderModifier: {remove: [\"x:y\"]}'|header name 'x:y'",
        "RequestHeaderModifier|'requestHeaderModifier: {set: [{name: X-A, value: \"a\\r\\nX-Evil:"
            + " 1\"}]}'|the value of header 'X-A' contains the control character U+000D",
        "ResponseHeaderModifier|'responseHeaderModifier: {set: [{name: X-A, value: \" a\"}]}'|the"
            + " value of header 'X-A' begins or ends with white space",
        "RequestHeaderModifier|'requestHeaderModifier: {set: [{name: X-A, value: \"a\\tb c\"}]}'|",
      })
  void headerModifiers(String type, String body, String problem) {
    for (String kind : List.of("HTTPRoute", "GRPCRoute")) {
      String yaml = String.format(SET, kind, "filters", type, body);
      Gwc.Run run = Gwc.runWithStdin(yaml, "validate", "--format", "json", "-");
      List<Map<String, Object>> found =
          run.diagnostics().stream()
              .filter(d -> "unsupported-value".equals(d.get("rule")))
              .toList();
      if (problem == null) {
        assertEquals(List.of(), found, run.out());
        continue;
      }
      assertEquals(1, found.size(), run.out());
      String message = String.valueOf(found.get(0).get("message"));
      assertTrue(message.startsWith(problem), message);
      assertTrue(message.contains("rule 1 is dropped"), message);
    }
  }

  @Test
  void aBackendRefsFilterMakesItsRuleInvalidToo() {
    String yaml =
        String.format(
                SET,
                "HTTPRoute",
                "filters",
                "RequestHeaderModifier",
                "requestHeaderModifier: {set: [{name: X-A, value: a}]}")
            .replace(
                "    - {name: app, port: 8080}\n",
                "    - name: app\n      port: 8080\n      filters:\n      - type: RequestHeaderModifier\n"
                    + "        requestHeaderModifier: {remove: [\"no good\"]}\n");
    Gwc.Run run = Gwc.runWithStdin(yaml, "validate", "--format", "json", "-");
    List<Object> paths =
        run.diagnostics().stream()
            .filter(d -> "unsupported-value".equals(d.get("rule")))
            .map(d -> d.get("path"))
            .toList();
    assertEquals(
        List.of(
            "spec.rules[0].backendRefs[0].filters[0].requestHeaderModifier.remove[0]",
            "spec.rules[1].backendRefs[0].filters[0].requestHeaderModifier.remove[0]"),
        paths,
        run.out());
  }

  @Test
  void aDroppedRuleServesNothing_theRouteKeepsItsOtherRules() throws IOException {
    String yaml =
        String.format(
                SET,
                "HTTPRoute",
                "filters",
                "RequestHeaderModifier",
                "requestHeaderModifier: {set: [{name: X-A, value: a}], remove: [x-a]}")
            .replace(
                "- backendRefs:\n    - {name: app",
                "- matches:\n    - path: {value: /good}\n    backendRefs:\n    - {name: app");
    Path set = tmp.resolve("set.yaml");
    Files.writeString(set, yaml, StandardCharsets.UTF_8);
    String status =
        Gwc.run("compile", "--format", "json", set.toString()).out().replaceAll("\\s+", "");
    assertTrue(
        status.contains(
            "\"type\":\"PartiallyInvalid\",\"status\":\"True\",\"reason\":\"UnsupportedValue\","
                + "\"message\":\"DroppedRule1:"),
        status);
    assertTrue(status.contains("\"attachedRoutes\":1"), status);
    Path requests = tmp.resolve("requests.jsonl");
    Files.writeString(
        requests,
        "{\"host\":\"a\",\"path\":\"/good\"}\n{\"host\":\"a\",\"path\":\"/other\"}\n",
        StandardCharsets.UTF_8);
    Gwc.Run sim =
        Gwc.run("simulate", "--format", "json", set.toString(), "--requests", requests.toString());
    String[] lines = sim.out().strip().split("\n");
    assertTrue(lines[0].contains("\"status\":200"), sim.out());
    assertTrue(lines[1].contains("\"status\":404"), sim.out());
  }

  @Test
  void aRouteWithNoValidRuleIsNotAccepted() {
    String yaml =
        String.format(
                SET,
                "HTTPRoute",
                "filters",
                "RequestHeaderModifier",
                "requestHeaderModifier: {remove: [\"a b\"]}")
            .replace("  - backendRefs:\n    - {name: app, port: 8080}\n  - filters", "  - filters");
    Gwc.Run run = Gwc.runWithStdin(yaml, "compile", "--format", "json", "-");
    String status = run.out().replaceAll("\\s+", "");
    assertTrue(
        status.contains(
            "\"type\":\"Accepted\",\"status\":\"False\",\"reason\":\"UnsupportedValue\""),
        run.out());
    assertTrue(status.contains("\"attachedRoutes\":0"), status);
    assertTrue(!status.contains("PartiallyInvalid"), status);
    assertTrue(
        run.err().contains("no rule of the route is valid, so it is not accepted"), run.err());
  }
}
