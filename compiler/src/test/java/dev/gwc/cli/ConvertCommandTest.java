package dev.gwc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gwc convert} from the outside: exit codes, formats, -o, bad input. */
class ConvertCommandTest {
  @TempDir Path tmp;

  private static final String INGRESS =
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: web
        namespace: shop
        annotations:
          nginx.ingress.kubernetes.io/auth-url: http://auth
      spec:
        ingressClassName: nginx
        rules:
        - host: a.example.com
          http:
            paths:
            - path: /
              pathType: Prefix
              backend:
                service:
                  name: web
                  port:
                    number: 80
      """;

  private Path write(String name, String text) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  @Test
  void convert_warningsOnly_exitsZero_andReportsOnStderr() throws IOException {
    Gwc.Run run = Gwc.run("convert", write("in.yaml", INGRESS).toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().startsWith("apiVersion: v1\nkind: List\n"), run.out());
    assertTrue(run.err().contains("in.yaml:7:5: warning: annotation 'auth-url'"), run.err());
  }

  @Test
  @SuppressWarnings("unchecked")
  void json_hasItemsAndNotifications_withContractFields() throws IOException {
    Gwc.Run run = Gwc.run("convert", "--format", "json", write("in.yaml", INGRESS).toString());
    assertEquals(0, run.exit(), run.err());
    Map<String, Object> out = run.json();
    assertEquals("List", out.get("kind"));
    assertEquals(2, ((List<?>) out.get("items")).size());
    List<Map<String, Object>> notes = (List<Map<String, Object>>) out.get("notifications");
    assertEquals(1, notes.size());
    Map<String, Object> n = notes.get(0);
    assertEquals(
        List.of("severity", "message", "file", "line", "kind", "namespace", "name", "annotation"),
        List.copyOf(n.keySet()));
    assertEquals("warning", n.get("severity"));
    assertEquals(7L, n.get("line"));
    assertEquals("Ingress", n.get("kind"));
    assertEquals("shop", n.get("namespace"));
    assertEquals("web", n.get("name"));
    assertEquals("nginx.ingress.kubernetes.io/auth-url", n.get("annotation"));
  }

  @Test
  void outputDir_oneFilePerResource() throws IOException {
    Path out = tmp.resolve("converted");
    Gwc.Run run = Gwc.run("convert", "-o", out.toString(), write("in.yaml", INGRESS).toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.out());
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(
          List.of(".gwc-bundle", "gateway_shop_nginx.yaml", "httproute_shop_a.example.com.yaml"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void stdin_isRead() {
    Gwc.Run run = Gwc.runWithStdin(INGRESS, "convert", "-");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("kind: HTTPRoute"), run.out());
    assertTrue(run.err().startsWith("-:7:5: warning"), run.err());
  }

  @Test
  void unresolvedBackend_exitsOne() throws IOException {
    String named = INGRESS.replace("number: 80", "name: http");
    Gwc.Run run = Gwc.run("convert", write("in.yaml", named).toString());
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().contains("error: port name 'http'"), run.err());
  }

  @Test
  void yamlSyntaxError_exitsOne_namingTheLine() throws IOException {
    Gwc.Run run = Gwc.run("convert", write("in.yaml", INGRESS + "  bad: [\n").toString());
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().contains("in.yaml:"), run.err());
  }

  @Test
  void betaIngress_isReported_notConverted() throws IOException {
    String beta = INGRESS.replace("networking.k8s.io/v1", "networking.k8s.io/v1beta1");
    Gwc.Run run = Gwc.run("convert", write("in.yaml", beta).toString());
    assertEquals(1, run.exit());
    assertTrue(run.err().contains("only networking.k8s.io/v1 is"), run.err());
  }

  @Test
  void noIngress_warns_exitsZero() throws IOException {
    Gwc.Run run =
        Gwc.run(
            "convert",
            write("in.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n").toString());
    assertEquals(0, run.exit());
    assertTrue(run.err().contains("nothing to convert"), run.err());
  }

  @Test
  void malformedIngresses_reportedWithoutInternalError() throws IOException {
    String weird =
        """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: a
          annotations: [x]
        spec: []
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: b
          annotations:
            nginx.ingress.kubernetes.io/permanent-redirect: "::not a url"
            nginx.ingress.kubernetes.io/backend-protocol: GRPC
            nginx.ingress.kubernetes.io/app-root: /x
        spec:
          defaultBackend:
            resource: {kind: X, name: y}
          tls: [{hosts: []}]
          rules:
          - host: 42
            http:
              paths: {}
          - http:
              paths:
              - path: 7
                backend: {}
              - backend:
                  service: {name: x, port: {number: "80"}}
          - "string"
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {}
        spec: {}
        """;
    Gwc.Run run = Gwc.run("convert", write("in.yaml", weird).toString());
    assertEquals(1, run.exit(), run.err());
    assertFalse(run.err().contains("internal error"), run.err());
    assertTrue(run.err().contains("in.yaml:4:9: warning: Ingress has no paths"), run.err());
    assertTrue(run.err().contains("cannot be expressed on a GRPCRoute"), run.err());
    assertTrue(run.err().contains("neither a number nor a name"), run.err());
  }

  @Test
  void missingFile_exitsTwo_withOneLine() {
    Gwc.Run run = Gwc.run("convert", tmp.resolve("nope.yaml").toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("nope.yaml: no such file or folder"), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  @Test
  void unknownProvider_exitsTwo() throws IOException {
    Gwc.Run run = Gwc.run("convert", "--provider", "traefik", write("in.yaml", INGRESS).toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("unknown --provider 'traefik'"), run.err());
  }

  @Test
  void unknownFormat_exitsTwo() throws IOException {
    Gwc.Run run = Gwc.run("convert", "--format", "sarif", write("in.yaml", INGRESS).toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("unknown --format 'sarif'"), run.err());
  }

  @Test
  void unknownRelease_exitsTwo() throws IOException {
    Gwc.Run run =
        Gwc.run("convert", "--gateway-api-version", "0.9.0", write("in.yaml", INGRESS).toString());
    assertEquals(2, run.exit());
  }

  @Test
  void gatewayNamespace_flag_placesGatewayAndGrantsAccess() throws IOException {
    String withTls =
        INGRESS.replace(
            "  rules:", "  tls:\n  - hosts: [a.example.com]\n    secretName: a-tls\n  rules:");
    Gwc.Run run =
        Gwc.run("convert", "--gateway-namespace", "infra", write("in.yaml", withTls).toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("kind: ReferenceGrant"), run.out());
    assertTrue(run.out().contains("      from: All"), run.out());
  }

  @Test
  void help_listsTheContractFlags() {
    Gwc.Run run = Gwc.run("convert", "--help");
    assertEquals(0, run.exit());
    for (String flag : List.of("--provider", "--gateway-class", "--format", "-o")) {
      assertTrue(run.out().contains(flag), flag);
    }
  }
}
