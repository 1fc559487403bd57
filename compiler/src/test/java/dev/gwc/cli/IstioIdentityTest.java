package dev.gwc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kind is what its group says: Istio's kinds against Istio's CRDs, others' kinds left alone. */
class IstioIdentityTest {
  @TempDir Path tmp;

  @Test
  void theIstioExampleSet_validatesClean() {
    Gwc.Run run =
        Gwc.run("validate", "--format", "json", Gwc.shared().resolve("examples/istio").toString());
    assertEquals(0, run.exit(), run.out());
    List<Map<String, Object>> d = run.diagnostics();
    assertTrue(d.stream().noneMatch(x -> "error".equals(x.get("severity"))), run.out());
    // The v1alpha3 and v1beta1 Gateways are Istio's: nothing says "Gateway API".
    assertTrue(!run.out().contains("Gateway API"), run.out());
  }

  @Test
  void aGatewayOfAnotherGroup_isOneInfoNote() throws IOException {
    Path f = tmp.resolve("other.yaml");
    Files.writeString(
        f,
        "apiVersion: gateway.example.org/v1\nkind: Gateway\nmetadata: {name: g}\n"
            + "spec: {listeners: 7}\n");
    Gwc.Run run = Gwc.run("validate", "--format", "json", f.toString());
    assertEquals(0, run.exit(), run.out());
    List<Map<String, Object>> d = run.diagnostics();
    assertEquals(1, d.size(), run.out());
    assertEquals("unknown-kind", d.get(0).get("rule"));
    assertEquals("info", d.get(0).get("severity"));
  }

  @Test
  void istioVersion_isCheckedLikeTheGatewayApiVersion() {
    String set = Gwc.shared().resolve("examples/istio").toString();
    assertEquals(0, Gwc.run("validate", "--istio-version", "1.30.3", set).exit());
    assertEquals(0, Gwc.run("validate", "--istio-version", "v1.30.3", set).exit());
    Gwc.Run bad = Gwc.run("validate", "--istio-version", "9.9.9", set);
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("unknown --istio-version '9.9.9'; bundled: 1.30.3"), bad.err());
  }

  @Test
  void regexMatchesThatAreNotRe2_areReportedAtTheirLines() throws IOException {
    Path f = tmp.resolve("regex.yaml");
    Files.writeString(
        f,
        "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: r}\n"
            + "spec:\n  hosts: [a.example.com]\n  http:\n  - match:\n"
            + "    - uri: {regex: \"/v[0-9+\"}\n"
            + "      headers:\n        x-id: {regex: \"(?<=a)b\"}\n"
            + "    rewrite:\n      uriRegexRewrite: {match: \"(\", rewrite: /}\n"
            + "    route:\n    - destination: {host: web}\n");
    Gwc.Run run = Gwc.run("validate", "--format", "json", f.toString());
    List<Object> lines =
        run.diagnostics().stream()
            .filter(d -> "invalid-regex".equals(d.get("rule")))
            .map(d -> d.get("line"))
            .toList();
    assertEquals(List.of(8L, 10L, 12L), lines, run.out());
  }
}
