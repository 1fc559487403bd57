package dev.gwc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@code ../shared/examples/istio/EXPECTED.md} says gwc answers about that set, line by line
 * (the {@code --subset-services} part of the convert line waits for that flag).
 */
class IstioExpectedTest {
  @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp;

  private static String set;

  @org.junit.jupiter.api.BeforeAll
  static void sharedSet() {
    set = Gwc.shared().resolve("examples/istio").toString(); // skips where ../shared is missing
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> simulate(String request) {
    Gwc.Run run = Gwc.run("simulate", "--format", "json", "--request", request, set);
    assertEquals(0, run.exit(), run.err());
    return run.json();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @Test
  void validate_hasNoErrors() {
    assertEquals(0, Gwc.run("validate", set).exit());
  }

  @Test
  @SuppressWarnings("unchecked")
  void api_goesToTheApiService_subsetV1OrV2_90To10() {
    Map<String, Object> r = simulate("GET http://dev.example.com/api/users");
    Map<String, Object> route = map(r.get("route"));
    assertEquals("VirtualService", route.get("kind"));
    assertEquals("default", route.get("namespace"));
    assertEquals("dev", route.get("name"));
    assertEquals(0L, route.get("rule"));
    Map<String, Object> backend = map(r.get("backend"));
    assertEquals("Service", backend.get("kind"));
    assertEquals("default/api", backend.get("namespace") + "/" + backend.get("name"));
    assertEquals(8080L, backend.get("port"));
    assertTrue(List.of("v1", "v2").contains(backend.get("subset")), backend.toString());
    List<Map<String, Object>> shares = (List<Map<String, Object>>) r.get("backends");
    assertEquals(List.of(0.9, 0.1), shares.stream().map(s -> s.get("share")).toList());
    assertEquals(List.of("v1", "v2"), shares.stream().map(s -> s.get("subset")).toList());
  }

  @Test
  void theRoot_goesToWeb() {
    Map<String, Object> r = simulate("GET http://dev.example.com/");
    assertEquals(1L, map(r.get("route")).get("rule"));
    Map<String, Object> backend = map(r.get("backend"));
    assertEquals("web", backend.get("name"));
    assertEquals(80L, backend.get("port"));
    assertTrue(backend.containsKey("subset"), backend.toString()); // null: no subset
    assertEquals("null", String.valueOf(backend.get("subset")));
  }

  @Test
  void old_isRedirectedToNew() {
    Map<String, Object> r = simulate("GET http://test.example.com/old");
    assertEquals(301L, r.get("status"));
    assertEquals("http://test.example.com/new", map(r.get("redirect")).get("location"));
  }

  @Test
  void grafana_goesToItsService() {
    Map<String, Object> r = simulate("GET http://istio-grafana.frognew.com/");
    Map<String, Object> backend = map(r.get("backend"));
    assertEquals("istio-system/grafana", backend.get("namespace") + "/" + backend.get("name"));
    assertEquals(3000L, backend.get("port"));
  }

  @Test
  void anUnknownHost_is404() {
    assertEquals(404L, simulate("GET http://other.example.com/").get("status"));
  }

  @Test
  void gatewayIstioSelector_sendsToThatIngressGatewayOnly() {
    Gwc.Run run =
        Gwc.run(
            "simulate",
            "--format",
            "json",
            "--gateway",
            "istio:istio=ingressgateway",
            "--request",
            "GET http://dev.example.com/",
            set);
    assertEquals(0, run.exit(), run.err());
    assertEquals("dev", map(run.json().get("route")).get("name"));
  }

  @Test
  void subsetV3_isReportedAtItsLine() throws java.io.IOException {
    java.nio.file.Path src = Gwc.shared().resolve("examples/istio");
    for (String f : new String[] {"gateway.yaml", "services.yaml"}) {
      java.nio.file.Files.copy(src.resolve(f), tmp.resolve(f));
    }
    String routes = java.nio.file.Files.readString(src.resolve("routes.yaml"));
    assertTrue(routes.contains("subset: v2"));
    java.nio.file.Files.writeString(
        tmp.resolve("routes.yaml"), routes.replace("subset: v2", "subset: v3"));
    int line = java.util.Arrays.asList(routes.split("\n", -1)).indexOf("        subset: v2") + 1;
    Gwc.Run run = Gwc.run("validate", "--format", "json", tmp.toString());
    assertEquals(1, run.exit(), run.out());
    Map<String, Object> d = run.diagnostics().get(0);
    assertEquals("istio-subset-not-defined", d.get("rule"));
    assertEquals((long) line, d.get("line"));
  }

  @Test
  void describe_showsServersAndTheirVirtualServices() {
    Gwc.Run run = Gwc.run("describe", set);
    assertEquals(0, run.exit(), run.err());
    String expected =
        String.join(
            "\n",
            "Istio ingress gateway istio=ingressgateway",
            "  Gateway default/my-gateway",
            "    server 0: HTTP 80 (http), hosts dev.example.com, test.example.com",
            "      VirtualService default/dev (hosts dev.example.com)",
            "        http[0] uri prefix '/api' -> api:8080 subset v1 (weight 90), api:8080 subset v2"
                + " (weight 10)",
            "        http[1] every request -> web:80");
    assertTrue(run.out().startsWith(expected), run.out());
  }

  @Test
  @SuppressWarnings("unchecked")
  void convert_oneGatewayWithThreeListeners_threeHttpRoutes_subsetsNotified() {
    Gwc.Run run = Gwc.run("convert", "--provider", "istio", "--format", "json", set);
    assertEquals(0, run.exit(), run.err());
    List<Map<String, Object>> items = (List<Map<String, Object>>) run.json().get("items");
    List<Map<String, Object>> gateways =
        items.stream().filter(i -> "Gateway".equals(i.get("kind"))).toList();
    assertEquals(1, gateways.size(), run.out());
    List<Object> listeners = (List<Object>) map(gateways.get(0).get("spec")).get("listeners");
    assertEquals(3, listeners.size());
    assertEquals(3, items.stream().filter(i -> "HTTPRoute".equals(i.get("kind"))).count());
    List<Map<String, Object>> notes = (List<Map<String, Object>>) run.json().get("notifications");
    assertTrue(
        notes.stream()
            .anyMatch(
                n ->
                    String.valueOf(n.get("message")).contains("subset 'v1'")
                        && String.valueOf(n.get("message")).contains("version=v1")),
        notes.toString());
  }

  @Test
  void theMigrationProof_announcesEveryDifference() {
    Gwc.Run run = Gwc.run("simulate", "--compare", set, "--convert", "--provider", "istio", set);
    assertEquals(1, run.exit(), run.out());
    assertTrue(run.out().contains("land differently (4 announced"), run.out());
  }

  @Test
  void aRequestLine_canNameTheIngressGateway_keysInAnyOrder() throws java.io.IOException {
    java.nio.file.Path lines = tmp.resolve("requests.jsonl");
    java.nio.file.Files.writeString(
        lines,
        "{\"method\": \"GET\", \"host\": \"dev.example.com\", \"path\": \"/\","
            + " \"gateway\": \"istio:istio=ingressgateway\"}\n"
            + "{\"method\": \"GET\", \"host\": \"dev.example.com\", \"path\": \"/\","
            + " \"gateway\": \"istio:nope=x\"}\n");
    Gwc.Run run = Gwc.run("simulate", "--requests", lines.toString(), set);
    String[] out = run.out().split("\n");
    assertTrue(out[0].contains("\"name\":\"web\""), out[0]);
    assertTrue(out[1].contains("unknown gateway 'istio:nope=x'"), out[1]);
    assertTrue(out[1].contains("istio:istio=ingressgateway"), out[1]);
  }
}
