package dev.gwc.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gwc.testing.Fixtures;
import dev.gwc.testing.Gwc;
import dev.gwc.testing.TestCertificates;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two HTTPS listeners on one port and hostname, one of whose certificates does not resolve: the
 * specification says listeners that differ only in TLS configuration still conflict, and that no
 * conflicting listener is picked as the winner, so both are Conflicted and neither is accepted,
 * whichever certificate is the broken one.
 */
class ConflictedTlsTest {
  private static final String GATEWAY =
      Fixtures.GATEWAY_CLASS
          + """
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: gw}
      spec:
        gatewayClassName: gc
        listeners:
        - {name: first, protocol: HTTPS, port: 443, hostname: a.example, tls: {certificateRefs: [{name: %s}]}}
        - {name: second, protocol: HTTPS, port: 443, hostname: a.example, tls: {certificateRefs: [{name: %s}]}}
        - {name: other, protocol: HTTPS, port: 443, hostname: b.example, tls: {certificateRefs: [{name: good}]}}
      """;

  /** Each listener's "name Conflicted=status Accepted=status". */
  private static List<String> listeners(String first, String second)
      throws GeneralSecurityException {
    String secret =
        "---\napiVersion: v1\nkind: Secret\nmetadata: {name: good}\ntype: kubernetes.io/tls\n"
            + "data:\n"
            + TestCertificates.tlsSecretData("  ");
    Gwc.Run run =
        Gwc.runWithStdin(
            String.format(GATEWAY, first, second) + secret,
            "compile",
            "--format",
            "json",
            "--complete",
            "-");
    List<String> out = new ArrayList<>();
    for (Object item : (List<?>) run.json().get("items")) {
      Map<?, ?> m = (Map<?, ?>) item;
      if (!"Gateway".equals(m.get("kind"))) {
        continue;
      }
      for (Object l : (List<?>) ((Map<?, ?>) m.get("status")).get("listeners")) {
        Map<?, ?> listener = (Map<?, ?>) l;
        StringBuilder sb = new StringBuilder(String.valueOf(listener.get("name")));
        for (Object c : (List<?>) listener.get("conditions")) {
          Map<?, ?> cond = (Map<?, ?>) c;
          if (cond.get("type").equals("Conflicted") || cond.get("type").equals("Accepted")) {
            sb.append(' ').append(cond.get("type")).append('=').append(cond.get("status"));
          }
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  @Test
  void bothAreConflicted_whicheverCertificateIsBroken() throws GeneralSecurityException {
    List<String> expected =
        List.of(
            "first Accepted=False Conflicted=True",
            "second Accepted=False Conflicted=True",
            "other Accepted=True Conflicted=False");
    assertEquals(expected, sorted(listeners("missing", "good")));
    assertEquals(expected, sorted(listeners("good", "missing")));
  }

  private static List<String> sorted(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      String[] parts = line.split(" ");
      List<String> conds = new ArrayList<>(List.of(parts).subList(1, parts.length));
      conds.sort(null);
      out.add(parts[0] + " " + String.join(" ", conds));
    }
    return out;
  }
}
