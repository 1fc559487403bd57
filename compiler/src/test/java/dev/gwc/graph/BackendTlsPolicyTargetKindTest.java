package dev.gwc.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A BackendTLSPolicy whose target is not a core Service names the target's kind and group. */
class BackendTlsPolicyTargetKindTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "gateway.envoyproxy.io|Backend|targetRef 'api' is of kind Backend (group gateway.envoyproxy.io)",
        "example.com|Service|targetRef 'api' is of kind Service (group example.com)",
        "\"\"|ConfigMap|targetRef 'api' is of kind ConfigMap (core group)",
      })
  void namesTheKindAndGroup(String group, String kind, String expected) {
    group = group == null ? "" : group;
    String yaml =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: BackendTLSPolicy
        metadata: {name: tls}
        spec:
          targetRefs:
          - {group: "%s", kind: %s, name: api}
          validation:
            hostname: api.example
            wellKnownCACertificates: System
        """
            .formatted(group, kind);
    Gwc.Run run = Gwc.runWithStdin(yaml, "validate", "-");
    assertTrue(run.out().contains(expected) || run.err().contains(expected), run.out() + run.err());
  }
}
