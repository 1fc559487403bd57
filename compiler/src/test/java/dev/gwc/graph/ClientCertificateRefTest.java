package dev.gwc.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import dev.gwc.testing.TestCertificates;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Gateway's backend client certificate ({@code spec.tls.backend.clientCertificateRef}) resolves
 * as listener certificates do, and decides the Gateway's own ResolvedRefs condition.
 */
class ClientCertificateRefTest {
  private static final String GATEWAY =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: GatewayClass
      metadata: {name: edge}
      spec: {controllerName: example.com/edge}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: edge, namespace: infra}
      spec:
        gatewayClassName: edge
        tls:
          backend:
            clientCertificateRef: %s
        listeners:
        - {name: http, protocol: HTTP, port: 80}
      """;

  private static String secret(String namespace, String name) throws GeneralSecurityException {
    return "---\napiVersion: v1\nkind: Secret\nmetadata: {name: "
        + name
        + ", namespace: "
        + namespace
        + "}\ntype: kubernetes.io/tls\ndata:\n"
        + TestCertificates.tlsSecretData("  ");
  }

  private static final String GRANT =
      """
      ---
      apiVersion: gateway.networking.k8s.io/v1beta1
      kind: ReferenceGrant
      metadata: {name: certs, namespace: certs}
      spec:
        from:
        - {group: gateway.networking.k8s.io, kind: Gateway, namespace: infra}
        to:
        - {group: "", kind: Secret}
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // case | ref | extra objects | ResolvedRefs reason (status) | rule of the finding
        "same namespace|{name: client}|secret|ResolvedRefs|",
        "missing, --complete|{name: absent}||InvalidClientCertificateRef|invalid-client-certificate-ref",
        "wrong kind|{kind: ConfigMap, name: client}|secret|InvalidClientCertificateRef|invalid-client-certificate-ref",
        "other namespace, no grant|{name: client, namespace: certs}|secret-certs|RefNotPermitted|ref-not-permitted",
        "other namespace, granted|{name: client, namespace: certs}|secret-certs grant|ResolvedRefs|",
        "not a TLS secret|{name: opaque}|opaque|InvalidClientCertificateRef|invalid-client-certificate-ref",
      })
  void resolvesLikeAListenerCertificate(
      String name, String ref, String extra, String reason, String rule)
      throws GeneralSecurityException {
    StringBuilder yaml = new StringBuilder(String.format(GATEWAY, ref));
    String objects = extra == null ? "" : extra;
    if (objects.contains("secret-certs")) {
      yaml.append(secret("certs", "client"));
    } else if (objects.contains("secret")) {
      yaml.append(secret("infra", "client"));
    }
    if (objects.contains("grant")) {
      yaml.append(GRANT);
    }
    if (objects.contains("opaque")) {
      yaml.append(
          "---\napiVersion: v1\nkind: Secret\nmetadata: {name: opaque, namespace: infra}\n"
              + "type: Opaque\ndata: {token: YQ==}\n");
    }
    Gwc.Run run =
        Gwc.runWithStdin(yaml.toString(), "compile", "--complete", "--format", "json", "-");
    String out = run.out().replaceAll("\\s+", "");
    boolean ok = reason.equals("ResolvedRefs");
    assertTrue(
        out.contains(
            "\"type\":\"ResolvedRefs\",\"status\":\""
                + (ok ? "True" : "False")
                + "\",\"reason\":\""
                + reason
                + "\""),
        run.out());
    // Accepted and Programmed do not depend on it.
    assertTrue(out.contains("\"type\":\"Programmed\",\"status\":\"True\""), run.out());
    List<String> rules = new ArrayList<>();
    for (String line : run.err().split("\n")) {
      if (line.contains("error[")) {
        rules.add(
            line.substring(line.indexOf("error[") + 6, line.indexOf(']', line.indexOf("error["))));
      }
    }
    assertEquals(rule == null ? List.of() : List.of(rule), rules, run.err());
  }

  @Test
  void aGatewayWithoutOne_hasNoResolvedRefsOfItsOwn() {
    Gwc.Run run =
        Gwc.runWithStdin(
            GATEWAY.replace("  tls:\n    backend:\n      clientCertificateRef: %s\n", ""),
            "compile",
            "--format",
            "json",
            "-");
    List<?> items = (List<?>) run.json().get("items");
    Map<?, ?> status = (Map<?, ?>) ((Map<?, ?>) items.get(1)).get("status");
    List<Object> types = new ArrayList<>();
    for (Object c : (List<?>) status.get("conditions")) {
      types.add(((Map<?, ?>) c).get("type"));
    }
    assertEquals(List.of("Accepted", "Programmed"), types, run.out());
  }

  @Test
  void aListenerWhoseReferencesFail_isListenersNotResolved() throws GeneralSecurityException {
    String yaml =
        String.format(GATEWAY, "{name: client}")
                .replace(
                    "- {name: http, protocol: HTTP, port: 80}",
                    "- {name: https, protocol: HTTPS, port: 443, tls: {certificateRefs: [{name:"
                        + " absent}]}}")
            + secret("infra", "client");
    Gwc.Run run = Gwc.runWithStdin(yaml, "compile", "--complete", "--format", "json", "-");
    assertTrue(
        run.out()
            .replaceAll("\\s+", "")
            .contains(
                "\"type\":\"ResolvedRefs\",\"status\":\"False\",\"reason\":\"ListenersNotResolved\""),
        run.out());
  }
}
