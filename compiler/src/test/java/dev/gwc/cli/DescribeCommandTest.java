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

/** {@code gwc describe}: --format json, --gateway, addresses, findings and exit codes. */
class DescribeCommandTest {
  @TempDir Path tmp;

  private static final String TWO_GATEWAYS =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: GatewayClass
      metadata: {name: gc}
      spec: {controllerName: example.com/gc}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: public, namespace: infra}
      spec:
        gatewayClassName: gc
        addresses: [{type: IPAddress, value: 192.0.2.10}]
        listeners: [{name: http, port: 80, protocol: HTTP}]
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: private, namespace: infra}
      spec:
        gatewayClassName: gc
        listeners: [{name: http, port: 8080, protocol: HTTP}]
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: web, namespace: infra}
      spec:
        parentRefs: [{name: public}, {name: private, sectionName: nope}]
        rules: [{backendRefs: [{name: web, port: 80}]}]
      """;

  @Test
  void json_listsGatewaysListenersRoutesAndWhatDidNotAttach() throws IOException {
    Path f = Files.writeString(tmp.resolve("set.yaml"), TWO_GATEWAYS);
    Gwc.Run run = Gwc.run("describe", "--format", "json", f.toString());
    // The unmatched sectionName is a finding on standard error; it is a warning while the route
    // attaches to its other parent, so the exit code is compile's: 0.
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.err().contains("nope"), run.err());
    Map<String, Object> json = run.json();
    List<?> gateways = (List<?>) json.get("gateways");
    assertEquals(2, gateways.size());
    String out = run.out();
    assertTrue(out.contains("\"addresses\": [\n        \"192.0.2.10\"\n      ]"), out);
    assertTrue(out.contains("\"reason\": \"NoMatchingParent\""), out);
  }

  @Test
  void gateway_showsOnlyThatGateway_withItsAddresses() throws IOException {
    Path f = Files.writeString(tmp.resolve("set.yaml"), TWO_GATEWAYS);
    Gwc.Run run = Gwc.run("describe", "--gateway", "infra/public", f.toString());
    assertTrue(run.out().contains("Gateway infra/public"), run.out());
    assertTrue(run.out().contains("addresses: 192.0.2.10"), run.out());
    assertTrue(!run.out().contains("Gateway infra/private"), run.out());
    assertTrue(
        !run.out().contains("Not attached"), "private's failure is not public's\n" + run.out());
    Gwc.Run unknown = Gwc.run("describe", "--gateway", "nope", f.toString());
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("no Gateway default/nope in the input"), unknown.err());
    assertEquals(2, Gwc.run("describe", "--format", "yaml", f.toString()).exit());
  }
}
