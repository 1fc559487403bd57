package dev.gwc.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Fixtures;
import dev.gwc.testing.Gwc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Default Gateways (GEP-3793, experimental channel): a route with {@code useDefaultGateways: All}
 * attaches to every Gateway with {@code defaultScope: All}, under the usual attachment rules, as if
 * it named them in its parentRefs.
 */
class DefaultGatewaysTest {
  private static final String GATEWAYS =
      Fixtures.GATEWAY_CLASS
          + """
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: default-gw, namespace: apps}
      spec:
        gatewayClassName: gc
        defaultScope: All
        listeners:
        - {name: http, protocol: HTTP, port: 80}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: other-gw, namespace: apps}
      spec:
        gatewayClassName: gc
        listeners:
        - {name: http, protocol: HTTP, port: 8080}
      """;

  private static String route(String namespace, String scope, String parentRefs) {
    return """
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web, namespace: %s}
        spec:
          useDefaultGateways: %s
          %s
          rules:
          - backendRefs:
            - {name: web, port: 80}
        """
        .formatted(namespace, scope, parentRefs);
  }

  private static Gwc.Run compile(String yaml) {
    return Gwc.runWithStdin(yaml, "compile", "--channel", "experimental", "--format", "json", "-");
  }

  /** The route's status parents as "namespace/name: reason". */
  private static List<String> parents(Gwc.Run run) {
    List<String> out = new ArrayList<>();
    for (Object item : (List<?>) run.json().get("items")) {
      Map<?, ?> m = (Map<?, ?>) item;
      if (!"HTTPRoute".equals(m.get("kind"))) {
        continue;
      }
      for (Object p : (List<?>) ((Map<?, ?>) m.get("status")).get("parents")) {
        Map<?, ?> ref = (Map<?, ?>) ((Map<?, ?>) p).get("parentRef");
        Map<?, ?> accepted = (Map<?, ?>) ((List<?>) ((Map<?, ?>) p).get("conditions")).get(0);
        out.add(ref.get("namespace") + "/" + ref.get("name") + ": " + accepted.get("reason"));
      }
    }
    return out;
  }

  @Test
  void aDefaultedRouteAttachesToTheDefaultGatewayOnly() {
    Gwc.Run run = compile(GATEWAYS + route("apps", "All", ""));
    assertEquals(List.of("apps/default-gw: Accepted"), parents(run), run.out() + run.err());
    String out = run.out().replaceAll("\\s+", "");
    assertTrue(out.contains("\"type\":\"DefaultGateway\",\"status\":\"True\""), run.out());
    assertEquals(1, out.split("\"type\":\"DefaultGateway\"", -1).length - 1, run.out());
  }

  @Test
  void aRouteThatDoesNotAskIsNotDefaulted() {
    Gwc.Run run = compile(GATEWAYS + route("apps", "None", ""));
    assertEquals(List.of(), parents(run), run.out());
  }

  @Test
  void theUsualRulesApply_otherNamespacesNeedAllowedRoutes() {
    Gwc.Run run = compile(GATEWAYS + route("team", "All", ""));
    assertEquals(List.of("apps/default-gw: NotAllowedByListeners"), parents(run), run.out());
    assertTrue(run.err().contains("not-allowed-by-listeners"), run.err());
  }

  @Test
  void anExplicitParentToTheSameGatewayIsNotRepeated_othersAdd() {
    Gwc.Run run =
        compile(
            GATEWAYS
                + route(
                    "apps", "All", "parentRefs:\n  - {name: default-gw}\n  - {name: other-gw}"));
    assertEquals(
        List.of("apps/default-gw: Accepted", "apps/other-gw: Accepted"), parents(run), run.out());
  }

  @Test
  void withoutADefaultGatewayInTheInput_itSaysSo() {
    String yaml = GATEWAYS.replace("  defaultScope: All\n", "") + route("apps", "All", "");
    Gwc.Run run = compile(yaml);
    assertEquals(List.of(), parents(run), run.out());
    assertTrue(run.err().contains("no Gateway in the input has spec.defaultScope All"), run.err());
  }

  @Test
  void requestsReachTheRouteThroughTheDefaultGateway() {
    Gwc.Run run =
        Gwc.runWithStdin(
            GATEWAYS + route("apps", "All", ""),
            "simulate",
            "--channel",
            "experimental",
            "--format",
            "json",
            "--request",
            "GET http://any.example/",
            "-");
    Map<String, Object> result = run.json();
    assertEquals(200L, result.get("status"), run.out());
    assertEquals("default-gw", ((Map<?, ?>) result.get("gateway")).get("name"), run.out());
  }
}
