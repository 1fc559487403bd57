package dev.gwc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.table.Request;
import dev.gwc.table.RoutingTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Listener choice, route precedence, redirects and backend failures, on small inline sets. */
class SimulatorTest {
  @TempDir Path tmp;

  private static final String GATEWAY =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: gw, namespace: app}
      spec:
        gatewayClassName: any
        listeners:
        - {name: any, protocol: HTTP, port: 80}
        - {name: wild, protocol: HTTP, port: 80, hostname: "*.example.com"}
        - {name: exact, protocol: HTTP, port: 80, hostname: a.example.com}
        - {name: alt, protocol: HTTP, port: 8080}
      """;

  private static String route(String name, String extraMeta, String hostnames, String rules) {
    return "---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
        + "metadata: {name: "
        + name
        + ", namespace: app"
        + extraMeta
        + "}\nspec:\n  parentRefs: [{name: gw}]\n"
        + (hostnames.isEmpty() ? "" : "  hostnames: " + hostnames + "\n")
        + "  rules:\n"
        + rules;
  }

  private Result send(String yaml, String request, String... headers) throws IOException {
    Path f = tmp.resolve("in-" + Integer.toHexString(yaml.hashCode()) + ".yaml");
    Files.writeString(f, yaml);
    RoutingTable table = TestTables.of(f);
    return Simulator.simulate(
        table, table.gateway("app", "gw"), Request.parse(request, List.of(headers)), 0, true);
  }

  private static String backendOf(Result r) {
    return r.backend() == null ? null : r.backend().name();
  }

  @ParameterizedTest(name = "{0} -> listener {1}")
  @CsvSource({
    "http://a.example.com/, exact",
    "http://b.example.com/, wild",
    "http://x.y.example.com/, wild",
    "http://example.com/, any",
    "http://a.example.com:8080/, alt",
  })
  void listener_exactBeatsWildcardBeatsNone(String url, String listener) throws IOException {
    assertEquals(listener, send(GATEWAY, "GET " + url).listener());
  }

  @Test
  void routeHostnames_mostSpecificFirst_thenFallThrough() throws IOException {
    String yaml =
        GATEWAY
            + route(
                "exact",
                "",
                "[b.example.com]",
                "  - matches: [{path: {type: PathPrefix, value: /only}}]\n"
                    + "    backendRefs: [{name: exact, port: 80}]\n")
            + route(
                "wildcard",
                "",
                "['*.example.com']",
                "  - backendRefs: [{name: wildcard, port: 80}]\n");
    assertEquals("exact", backendOf(send(yaml, "GET http://b.example.com/only/x")));
    assertEquals("wildcard", backendOf(send(yaml, "GET http://b.example.com/other")));
    assertEquals("wildcard", backendOf(send(yaml, "GET http://c.example.com/only")));
    assertEquals(404, send(yaml, "GET http://example.org/").status());
  }

  @Test
  void tie_olderCreationTimestampWins_elseNamespaceName() throws IOException {
    String rule = "  - backendRefs: [{name: NAME, port: 80}]\n";
    String yaml =
        GATEWAY
            + route(
                "a-newer",
                ", creationTimestamp: '2024-05-01T00:00:00Z'",
                "",
                rule.replace("NAME", "a"))
            + route(
                "b-older",
                ", creationTimestamp: '2023-01-01T00:00:00Z'",
                "",
                rule.replace("NAME", "b"))
            + route("c-none", "", "", rule.replace("NAME", "c"));
    assertEquals("b", backendOf(send(yaml, "GET http://x.test/")));
    String noTimes =
        GATEWAY
            + route("zeta", "", "", rule.replace("NAME", "z"))
            + route("alpha", "", "", rule.replace("NAME", "a"));
    assertEquals("a", backendOf(send(noTimes, "GET http://x.test/")));
  }

  @Test
  void withinRoute_firstMatchingRuleWins() throws IOException {
    String yaml =
        GATEWAY
            + route(
                "r",
                "",
                "",
                "  - matches: [{path: {type: PathPrefix, value: /a}}]\n"
                    + "    backendRefs: [{name: first, port: 80}]\n"
                    + "  - matches: [{path: {type: PathPrefix, value: /a}}]\n"
                    + "    backendRefs: [{name: second, port: 80}]\n");
    Result r = send(yaml, "GET http://x.test/a");
    assertEquals("first", backendOf(r));
    assertEquals(0, r.route().rule());
  }

  @Test
  void headerNames_matchCaseInsensitively() throws IOException {
    String yaml =
        GATEWAY
            + route(
                "r",
                "",
                "",
                "  - matches: [{headers: [{name: X-Version, value: two}]}]\n"
                    + "    backendRefs: [{name: two, port: 80}]\n");
    assertEquals("two", backendOf(send(yaml, "GET http://x.test/", "x-version: two")));
    assertEquals(404, send(yaml, "GET http://x.test/", "x-version: TWO").status());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "'scheme: https', https://x.test/p",
    "'scheme: https, port: 8443', https://x.test:8443/p",
    "'hostname: y.test', http://y.test/p",
    "'port: 80', http://x.test/p",
    "'scheme: http', http://x.test/p",
    "'port: 8080', http://x.test:8080/p",
  })
  void redirect_portFollowsTheSchemeElseTheListener(String filter, String location)
      throws IOException {
    String yaml =
        GATEWAY
            + route(
                "r",
                "",
                "",
                "  - filters: [{type: RequestRedirect, requestRedirect: {" + filter + "}}]\n");
    Result r = send(yaml, "GET http://x.test/p");
    assertEquals(302, r.status());
    assertEquals(location, r.location());
    assertNull(r.upstream());
  }

  @Test
  void redirect_fromListenerOnOtherPort_keepsThatPort() throws IOException {
    String yaml =
        GATEWAY
            + route(
                "r",
                "",
                "",
                "  - filters: [{type: RequestRedirect, requestRedirect: {hostname: y.test}}]\n");
    assertEquals("http://y.test:8080/p?q=1", send(yaml, "GET http://x.test:8080/p?q=1").location());
  }

  @Test
  void noBackendRefs_is500_zeroWeights_is500() throws IOException {
    String yaml =
        GATEWAY
            + route(
                "r",
                "",
                "",
                "  - matches: [{path: {type: Exact, value: /none}}]\n"
                    + "  - matches: [{path: {type: Exact, value: /zero}}]\n"
                    + "    backendRefs: [{name: a, port: 80, weight: 0}]\n");
    assertEquals(500, send(yaml, "GET http://x.test/none").status());
    assertEquals(500, send(yaml, "GET http://x.test/zero").status());
  }

  @Test
  void missingService_inPartialInput_isAssumedPresent() throws IOException {
    String yaml = GATEWAY + route("r", "", "", "  - backendRefs: [{name: elsewhere, port: 80}]\n");
    Result r = send(yaml, "GET http://x.test/");
    assertEquals(200, r.status());
    assertTrue(
        r.trace().contains("Service 'app/elsewhere' is not in the input; assumed to exist"),
        String.valueOf(r.trace()));
  }

  @Test
  void invalidBackendKind_is500() throws IOException {
    String yaml =
        GATEWAY + route("r", "", "", "  - backendRefs: [{kind: ConfigMap, name: cm, port: 80}]\n");
    assertEquals(500, send(yaml, "GET http://x.test/").status());
  }
}
