package dev.gwc.istio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per reason a match block can never apply, and rows that look alike but can: a
 * VirtualService on a Gateway listening on 80 and 443, with one http rule whose match is the row's.
 */
class MatchNeverAppliesTest {
  @TempDir Path tmp;

  record Row(String name, String match, String reason) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Row> rows() {
    return Stream.of(
        new Row("uriWithoutSlash_never", "uri: {exact: login}", "does not start with '/'"),
        new Row("uriEmptyPrefix_applies", "uri: {prefix: \"\"}", null),
        new Row("uriWithSlash_applies", "uri: {prefix: /login}", null),
        new Row("authorityOtherHost_never", "authority: {exact: other.example.com}", "none of"),
        new Row(
            "authorityOwnHostWithPort_applies",
            "authority: {exact: \"shop.example.com:443\"}",
            null),
        new Row("authorityPrefix_notJudged", "authority: {prefix: other}", null),
        new Row("portNotOnServers_never", "port: 8080", "not a port of its Gateways' servers"),
        new Row("portOnServers_applies", "port: 443", null),
        new Row("gatewaysNotBound_never", "gateways: [other]", "not among"),
        new Row("gatewaysBoundQualified_applies", "gateways: [shop/public]", null),
        new Row(
            "headerRequiredAndExcluded_never",
            "headers: {x-a: {exact: \"1\"}}\n      withoutHeaders: {x-a: {exact: \"1\"}}",
            "required by headers and excluded"),
        new Row(
            "headerRequiredAndOtherExcluded_applies",
            "headers: {x-a: {exact: \"1\"}}\n      withoutHeaders: {x-a: {exact: \"2\"}}",
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void matchBlock_reportedExactlyWhenNoRequestCanSatisfyIt(Row row) throws IOException {
    Path in = tmp.resolve("vs.yaml");
    Files.writeString(
        in,
        """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: public, namespace: shop}
        spec:
          selector: {istio: ingressgateway}
          servers:
          - port: {number: 80, name: http, protocol: HTTP}
            hosts: ["shop.example.com"]
          - port: {number: 443, name: https, protocol: HTTPS}
            hosts: ["shop.example.com"]
            tls: {mode: SIMPLE, credentialName: shop-cert}
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: shop, namespace: shop}
        spec:
          hosts: ["shop.example.com"]
          gateways: ["public"]
          http:
          - match:
            - %s
            route:
            - destination: {host: web}
        """
            .formatted(row.match()));
    Gwc.Run run = Gwc.run("validate", "--format", "json", in.toString());
    List<Map<String, Object>> found =
        run.diagnostics().stream()
            .filter(d -> "istio-match-never-applies".equals(d.get("rule")))
            .toList();
    if (row.reason() == null) {
      assertEquals(List.of(), found, run.out());
    } else {
      assertEquals(1, found.size(), run.out());
      String message = String.valueOf(found.get(0).get("message"));
      assertEquals(true, message.contains(row.reason()), message);
      assertEquals(21, ((Number) found.get(0).get("line")).intValue(), message);
    }
  }
}
