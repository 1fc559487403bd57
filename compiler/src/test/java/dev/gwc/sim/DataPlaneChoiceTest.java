package dev.gwc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A replayed request that both a Gateway and an ingress class could serve goes to the one whose
 * route names its host most specifically, whatever the names of the two.
 */
class DataPlaneChoiceTest {
  @TempDir Path tmp;

  private static final String GATEWAY_CLASS =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: GatewayClass
      metadata: {name: gc}
      spec: {controllerName: example.com/gc}
      ---
      """;

  private static String manifests(String routeHost, String ingressHost) {
    return GATEWAY_CLASS
        + """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: zz-gateway, namespace: default}
        spec:
          gatewayClassName: gc
          listeners:
          - name: http
            protocol: HTTP
            port: 80
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: route, namespace: default}
        spec:
          parentRefs:
          - name: zz-gateway
          hostnames: ["%s"]
          rules:
          - backendRefs:
            - name: gateway-svc
              port: 80
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: gateway-svc, namespace: default}
        spec:
          ports:
          - port: 80
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: ingress-svc, namespace: default}
        spec:
          ports:
          - port: 80
        ---
        apiVersion: networking.k8s.io/v1
        kind: IngressClass
        metadata: {name: aa-nginx}
        spec: {controller: k8s.io/ingress-nginx}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: ingress, namespace: default}
        spec:
          ingressClassName: aa-nginx
          rules:
          - host: "%s"
            http:
              paths:
              - path: /
                pathType: Prefix
                backend:
                  service: {name: ingress-svc, port: {number: 80}}
        """
            .formatted(routeHost, ingressHost);
  }

  @ParameterizedTest(name = "route {0}, ingress {1}: {2}")
  @CsvSource({
    "a.example, *.example, route",
    "*.example, a.example, ingress",
    "a.example, a.example, ingress", // a tie: the first by name (aa-nginx before zz-gateway)
  })
  void theMostSpecificHostWins(String routeHost, String ingressHost, String winner)
      throws IOException {
    Path input = Files.writeString(tmp.resolve("set.yaml"), manifests(routeHost, ingressHost));
    Path lines =
        Files.writeString(tmp.resolve("r.jsonl"), "{\"host\":\"a.example\",\"path\":\"/x\"}\n");
    Gwc.Run run = Gwc.run("simulate", "--requests", lines.toString(), input.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(
        run.out().contains("\"name\":\"" + winner + "\",\"rule\":0"),
        "expected the " + winner + " to serve it: " + run.out());
  }

  @Test
  void gatewaysAreChosenByPortAndHost_eachRequestAnew() throws IOException {
    String gateways =
        GATEWAY_CLASS
            + """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw-a, namespace: default}
        spec:
          gatewayClassName: gc
          listeners: [{name: a, protocol: HTTP, port: 80, hostname: a.example}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw-b, namespace: default}
        spec:
          gatewayClassName: gc
          listeners: [{name: b, protocol: HTTP, port: 80, hostname: b.example}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw-8080, namespace: default}
        spec:
          gatewayClassName: gc
          listeners: [{name: any, protocol: HTTP, port: 8080}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: route, namespace: default}
        spec:
          parentRefs: [{name: gw-a}, {name: gw-b}, {name: gw-8080}]
          rules: [{backendRefs: [{name: gateway-svc, port: 80}]}]
        """;
    // An Ingress for another host: requests are offered to every data plane that could serve them.
    String ingress = manifests("unused.example", "other.example");
    ingress = ingress.substring(ingress.indexOf("apiVersion: v1\nkind: Service"));
    Path input = Files.writeString(tmp.resolve("set.yaml"), gateways + "---\n" + ingress);
    String[][] sent = {
      {"a.example", "80", "gw-a"},
      {"b.example", "80", "gw-b"},
      {"a.example", "8080", "gw-8080"},
      {"a.example", "80", "gw-a"},
      {"b.example", "8080", "gw-8080"},
      {"b.example", "80", "gw-b"},
    };
    StringBuilder lines = new StringBuilder();
    for (String[] r : sent) {
      lines.append("{\"host\":\"" + r[0] + "\",\"port\":" + r[1] + ",\"path\":\"/\"}\n");
    }
    Path file = Files.writeString(tmp.resolve("r.jsonl"), lines);
    Gwc.Run run = Gwc.run("simulate", "--requests", file.toString(), input.toString());
    assertEquals(0, run.exit(), run.err());
    String[] out = run.out().split("\n");
    assertEquals(sent.length, out.length, run.out());
    for (int i = 0; i < sent.length; i++) {
      assertTrue(
          out[i].startsWith(
              "{\"gateway\":{\"namespace\":\"default\",\"name\":\"" + sent[i][2] + "\"}"),
          "request " + i + " to " + sent[i][2] + ": " + out[i]);
    }
  }
}
