package dev.gwc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command surface of Ingress routing and the migration check. */
class SimulateIngressCommandTest {
  private static final String SHOP =
      Gwc.root().resolve("testdata/compare/shop-migration/input.yaml").toString();
  private static final String CHANGED =
      Gwc.root().resolve("testdata/compare/semantic-change").toString();

  @Test
  void simulate_ingressInput_routedAsIngressClass() {
    Gwc.Run run =
        Gwc.run(
            "simulate",
            "--format",
            "json",
            "--request",
            "GET https://www.shop.example.com/static/a",
            SHOP);
    assertEquals(0, run.exit(), run.err());
    @SuppressWarnings("unchecked")
    Map<String, Object> route = (Map<String, Object>) run.json().get("route");
    assertEquals("Ingress", route.get("kind"));
    assertEquals("storefront", route.get("name"));
  }

  @Test
  void simulate_complete_aServiceNotInTheInputHasNoEndpoints() {
    String ingress =
        """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: web, namespace: default}
        spec:
          ingressClassName: nginx
          rules:
          - host: web.example
            http:
              paths:
              - path: /
                pathType: Prefix
                backend:
                  service: {name: web, port: {number: 80}}
        """;
    Gwc.Run assumed =
        Gwc.runWithStdin(
            ingress, "simulate", "--format", "json", "--request", "GET http://web.example/", "-");
    assertEquals(200L, assumed.json().get("status"), assumed.out());
    Gwc.Run complete =
        Gwc.runWithStdin(
            ingress,
            "simulate",
            "--complete",
            "--format",
            "json",
            "--request",
            "GET http://web.example/",
            "-");
    assertEquals(503L, complete.json().get("status"), complete.out());
    assertTrue(
        String.valueOf(complete.json().get("trace")).contains("is not in the input (--complete)"),
        complete.out());
  }

  @Test
  void simulate_gatewayIngressClass_selectsTheClass() {
    Gwc.Run run =
        Gwc.run(
            "simulate",
            "--gateway",
            "IngressClass/nginx",
            "--request",
            "GET http://shop.example.com/",
            SHOP);
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("->  IngressClass nginx"), run.out());
    assertTrue(run.out().contains("status: 301"), run.out());
  }

  @Test
  void simulate_convert_routesTheConversion() {
    Gwc.Run run =
        Gwc.run(
            "simulate",
            "--convert",
            "--request",
            "GET https://www.shop.example.com/static/a",
            SHOP);
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("->  Gateway shop/nginx"), run.out());
    assertTrue(run.out().contains("route: HTTPRoute shop/www.shop.example.com"), run.out());
  }

  @Test
  void compare_semanticChange_exit1WithEveryDifferenceUnannounced() {
    Gwc.Run run =
        Gwc.run(
            "simulate",
            "--compare",
            CHANGED + "/input.yaml",
            "--format",
            "json",
            CHANGED + "/new.yaml");
    assertEquals(1, run.exit(), run.err());
    @SuppressWarnings("unchecked")
    Map<String, Object> summary = (Map<String, Object>) run.json().get("summary");
    assertEquals(5L, ((Number) summary.get("differences")).longValue());
    assertEquals(0L, ((Number) summary.get("known")).longValue());
  }

  @Test
  void compare_withItself_exit0() {
    Gwc.Run run = Gwc.run("simulate", "--compare", SHOP, SHOP);
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().endsWith("land differently\n"), run.out());
  }

  @Test
  void compare_withRequest_usageError() {
    Gwc.Run run = Gwc.run("simulate", "--compare", SHOP, "--request", "GET http://a/", SHOP);
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("--compare replays generated probes"), run.err());
  }

  @Test
  void trace_carriesTheNotesOfTheRequestedHostOnly() {
    String yaml =
        String.join(
            "\n",
            "apiVersion: networking.k8s.io/v1",
            "kind: Ingress",
            "metadata: {name: a, namespace: web}",
            "spec:",
            "  ingressClassName: nginx",
            "  rules:",
            "  - host: a.example.com",
            "    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: a, port: {number: 80}}}}]}",
            "---",
            "apiVersion: networking.k8s.io/v1",
            "kind: Ingress",
            "metadata:",
            "  name: b-canary",
            "  namespace: web",
            "  annotations: {nginx.ingress.kubernetes.io/canary: 'true', nginx.ingress.kubernetes.io/canary-weight: '10'}",
            "spec:",
            "  ingressClassName: nginx",
            "  rules:",
            "  - host: b.example.com",
            "    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: b, port: {number: 80}}}}]}",
            "");
    Gwc.Run a =
        Gwc.runWithStdin(
            yaml, "simulate", "--format", "json", "--request", "GET http://a.example.com/", "-");
    assertEquals(0, a.exit(), a.err());
    org.junit.jupiter.api.Assertions.assertFalse(
        a.json().get("trace").toString().contains("canary Ingress"),
        "a note about another host: " + a.out());
    Gwc.Run b =
        Gwc.runWithStdin(
            yaml, "simulate", "--format", "json", "--request", "GET http://b.example.com/", "-");
    org.junit.jupiter.api.Assertions.assertTrue(
        b.json().get("trace").toString().contains("canary Ingress web/b-canary has no primary"),
        b.out());
  }
}
