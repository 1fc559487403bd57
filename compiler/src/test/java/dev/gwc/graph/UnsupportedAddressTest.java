package dev.gwc.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Gateway address type gwc does not bind makes the Gateway not accepted (GatewayStaticAddresses).
 */
class UnsupportedAddressTest {
  private static final String GATEWAY =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata:
        name: edge
      spec:
        gatewayClassName: edge
        addresses:
        - value: 203.0.113.10
        %s
        listeners:
        - name: http
          protocol: HTTP
          port: 80
      """;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "- type: test/fake-invalid-type|UnsupportedAddress",
        "- {type: NamedAddress, value: my-address}|UnsupportedAddress",
        "- {type: Hostname, value: edge.example.com}|Accepted",
        "- {type: IPAddress, value: 203.0.113.11}|Accepted"
      })
  void acceptedUnlessTheTypeIsUnsupported(String entry, String reason) {
    Gwc.Run run =
        Gwc.runWithStdin(String.format(GATEWAY, entry), "compile", "--format", "json", "-");
    String out = run.out().replaceAll("\\s+", "");
    boolean accepted = reason.equals("Accepted");
    assertTrue(
        out.contains("\"type\":\"Accepted\",\"status\":\"" + (accepted ? "True" : "False") + "\""),
        run.out());
    assertTrue(out.contains("\"reason\":\"" + reason + "\""), run.out());
    assertEquals(
        accepted ? 0 : 1,
        run.err().split("warning\\[unsupported-address\\]", -1).length - 1,
        run.err());
  }
}
