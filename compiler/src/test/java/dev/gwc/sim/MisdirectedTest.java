package dev.gwc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.table.Request;
import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An https request whose Host differs from its TLS server name (curl with a Host header, a reused
 * HTTP/2 connection): 421 when another listener is the better match for the Host, 404 when none
 * matches it, routed as usual when the server name's listener is also the Host's.
 */
class MisdirectedTest {
  @TempDir Path dir;
  private Path input;

  @BeforeEach
  void writeInput() throws IOException {
    input = dir.resolve("gw.yaml");
    Files.writeString(
        input,
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw, namespace: infra}
        spec:
          gatewayClassName: x
          listeners:
          - name: wild
            port: 443
            protocol: HTTPS
            hostname: "*.example.com"
            tls: {certificateRefs: [{name: wild-cert}]}
            allowedRoutes: {namespaces: {from: All}}
          - name: exact
            port: 443
            protocol: HTTPS
            hostname: a.example.com
            tls: {certificateRefs: [{name: a-cert}]}
            allowedRoutes: {namespaces: {from: All}}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web, namespace: app}
        spec:
          parentRefs: [{name: gw, namespace: infra}]
          rules:
          - backendRefs: [{name: web, port: 80}]
        """);
  }

  @Test
  void hostWithAMoreSpecificListener_421() {
    Map<String, Object> r = simulate("https://b.example.com/", "a.example.com");
    assertEquals(421L, r.get("status"));
    assertEquals("wild", r.get("listener"));
    assertTrue(String.valueOf(r.get("trace")).contains("421 Misdirected Request"), r.toString());
  }

  @Test
  void hostOfAnotherListener_421() {
    Map<String, Object> r = simulate("https://a.example.com/", "b.example.com");
    assertEquals(421L, r.get("status"));
    assertEquals("exact", r.get("listener"));
  }

  @Test
  void hostOfNoListener_404() {
    Map<String, Object> r = simulate("https://a.example.com/", "shop.other.org");
    assertEquals(404L, r.get("status"));
  }

  @Test
  void sameListenerForBoth_routed() {
    Map<String, Object> r = simulate("https://b.example.com/", "c.example.com");
    assertEquals(200L, r.get("status"));
    assertEquals("wild", r.get("listener"));
  }

  @Test
  void hostEqualToServerName_routedAsAlways() {
    Map<String, Object> r = simulate("https://a.example.com/", "a.example.com");
    assertEquals(200L, r.get("status"));
    assertEquals("exact", r.get("listener"));
  }

  @Test
  void plainHttp_hasNoServerName() throws IOException {
    Request r = Request.parse("GET http://b.example.com/", List.of("Host: a.example.com"));
    assertEquals(null, r.sni());
    assertEquals(
        "b.example.com",
        Request.parse("GET https://b.example.com/", List.of("Host: a.example.com")).sni());
  }

  @Test
  void requestLinesCarryTheServerName() throws IOException {
    Path lines = dir.resolve("requests.jsonl");
    Files.writeString(
        lines,
        """
        {"method":"GET","scheme":"https","host":"a.example.com","port":443,"path":"/","sni":"b.example.com"}
        {"method":"GET","scheme":"https","host":"a.example.com","port":443,"path":"/"}
        """);
    Gwc.Run run = Gwc.run("simulate", "--requests", lines.toString(), input.toString());
    String[] out = run.out().strip().split("\n");
    assertEquals(2, out.length, run.out() + run.err());
    assertTrue(out[0].contains("\"status\":421"), out[0]);
    assertTrue(out[1].contains("\"status\":200"), out[1]);
  }

  private Map<String, Object> simulate(String url, String host) {
    Gwc.Run run =
        Gwc.run(
            "simulate",
            "--request",
            "GET " + url,
            "-H",
            "Host: " + host,
            "--format",
            "json",
            input.toString());
    return run.json();
  }
}
