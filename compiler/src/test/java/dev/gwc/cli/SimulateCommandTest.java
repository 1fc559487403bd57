package dev.gwc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code gwc simulate} as a user runs it: exit codes, bad input, JSON Lines, expectations. */
class SimulateCommandTest {
  private static final String SHOP = Gwc.root().resolve("examples/shop").toString();

  @TempDir Path tmp;

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static void assertOneLineUsageError(Gwc.Run run, String fragment) {
    assertEquals(2, run.exit(), run.err());
    assertEquals("", run.out());
    assertEquals(1, run.err().strip().split("\n").length, run.err());
    assertTrue(run.err().startsWith("gwc simulate: "), run.err());
    assertTrue(run.err().contains(fragment), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  @Test
  void request_json_hasTheContractsFields() {
    Gwc.Run run =
        Gwc.run(
            "simulate",
            "--request",
            "GET https://www.shop.example.com/api",
            "-H",
            "x-api-version: 2",
            "--format",
            "json",
            SHOP);
    assertEquals(0, run.exit(), run.err());
    Map<String, Object> r = run.json();
    assertEquals(
        List.of(
            "gateway",
            "listener",
            "route",
            "status",
            "backend",
            "backends",
            "upstream",
            "response",
            "redirect",
            "mirrors",
            "trace"),
        List.copyOf(r.keySet()));
    assertEquals(200L, r.get("status"));
    assertEquals("https", r.get("listener"));
    assertEquals(Map.of("namespace", "infra", "name", "edge"), r.get("gateway"));
    @SuppressWarnings("unchecked")
    Map<String, Object> upstream = (Map<String, Object>) r.get("upstream");
    assertEquals(
        Map.of("x-api-version", List.of("2"), "x-served-by", List.of("edge")),
        upstream.get("headers"));
  }

  @Test
  void hostHeader_routesTheRequest() {
    Gwc.Run run =
        Gwc.run(
            "simulate",
            "--request",
            "GET http://192.0.2.1/cart",
            "-H",
            "Host: www.shop.example.com:80",
            "--format",
            "json",
            SHOP);
    assertEquals(0, run.exit(), run.err());
    assertEquals(301L, run.json().get("status"));
    assertEquals(
        Map.of("location", "https://www.shop.example.com/cart"), run.json().get("redirect"));
  }

  @Test
  void request_sameSeed_sameBackend_acrossRuns() {
    String[] args = {
      "simulate",
      "--request",
      "GET https://www.shop.example.com/p/1",
      "--seed",
      "3",
      "--format",
      "json",
      SHOP
    };
    assertEquals(Gwc.run(args).json().get("backend"), Gwc.run(args).json().get("backend"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--request|GET|is not \"METHOD URL\"",
        "--request|GET not a url|is malformed",
        "--request|GET /relative|needs a scheme and a host",
        "--request|G@T http://a.example/|is not a valid token",
        "--request|GET ftp://a.example/|needs a port",
        "--format|yaml|unknown --format 'yaml'",
      })
  void badOption_exits2_withOneLine(String flag, String value, String fragment) {
    Gwc.Run run =
        flag.equals("--format")
            ? Gwc.run("simulate", "--request", "GET http://a.example/", flag, value, SHOP)
            : Gwc.run("simulate", flag, value, SHOP);
    assertOneLineUsageError(run, fragment);
  }

  @Test
  void badHeader_exits2() {
    assertOneLineUsageError(
        Gwc.run("simulate", "--request", "GET http://a.example/", "-H", "no-colon", SHOP),
        "-H 'no-colon' is not \"Name: value\"");
  }

  @Test
  void unknownGateway_exits2_namingTheGatewaysThereAre() {
    assertOneLineUsageError(
        Gwc.run("simulate", "--request", "GET http://a.example/", "--gateway", "infra/nope", SHOP),
        "unknown --gateway 'infra/nope'; Gateways in the input: infra/edge");
  }

  @Test
  void noRequest_exits2() {
    assertOneLineUsageError(Gwc.run("simulate", SHOP), "give exactly one of --request");
  }

  @Test
  void inputWithErrors_stillSimulates_exits1() throws IOException {
    Path bad =
        write(
            "bad.yaml",
            "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw}\n"
                + "spec:\n  gatewayClassName: c\n  listeners:\n"
                + "  - {name: http, protocol: HTTP, port: 80, colour: red}\n");
    Gwc.Run run = Gwc.run("simulate", "--request", "GET http://a.example/", bad.toString());
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.out().contains("status: 404"), run.out());
  }

  @Test
  void noGatewayOnThePort_reports404() {
    Gwc.Run run = Gwc.run("simulate", "--request", "GET http://www.shop.example.com:9999/", SHOP);
    assertEquals(0, run.exit(), run.err());
    assertTrue(
        run.out().contains("no Gateway in the input has a listener on port 9999"), run.out());
  }

  @Test
  void requestsFile_oneJsonLineEach_summaryOnStderr() throws IOException {
    Path file =
        write(
            "r.jsonl",
            "{\"method\":\"GET\",\"scheme\":\"http\",\"host\":\"www.shop.example.com\",\"path\":\"/\"}\n"
                + "\n"
                + "{\"gateway\":\"infra/edge\",\"scheme\":\"https\",\"host\":\"nope.example.org\",\"port\":443,\"path\":\"/\"}\n");
    Gwc.Run run = Gwc.run("simulate", "--requests", file.toString(), SHOP);
    assertEquals(0, run.exit(), run.err());
    String[] lines = run.out().strip().split("\n");
    assertEquals(2, lines.length, run.out());
    assertTrue(lines[0].contains("\"status\":301"), lines[0]);
    assertTrue(lines[1].contains("\"status\":404"), lines[1]);
    assertTrue(run.err().contains("2 requests: 1 x 301, 1 x 404"), run.err());
    assertTrue(run.err().contains("route HTTPRoute shop/storefront-http: 1"), run.err());
  }

  @Test
  void requestsFile_badLines_errorResultsInPlace_restRouted_exit1() throws IOException {
    Path file =
        write(
            "r.jsonl",
            "{\"host\":\"a.example\"}\n"
                + "{\"host\": \n"
                + "{\"host\":\"www.shop.example.com\",\"method\":123}\n"
                + "{\"host\":\"www.shop.example.com\",\"port\":\"80\"}\n"
                + "\u0016\u0003\u0001\u0002\n"
                + "{\"host\":\"www.shop.example.com\",\"path\":\"/cart\"}\n");
    Gwc.Run run = Gwc.run("simulate", "--requests", file.toString(), SHOP);
    assertEquals(1, run.exit(), run.err());
    String[] lines = run.out().strip().split("\n");
    assertEquals(6, lines.length, run.out());
    assertTrue(lines[0].contains("\"status\":404"), lines[0]);
    assertTrue(lines[1].startsWith("{\"error\":\"not valid JSON"), lines[1]);
    assertTrue(lines[1].endsWith("\"line\":2}"), lines[1]);
    assertEquals("{\"error\":\"'method' must be a string, not 123\",\"line\":3}", lines[2]);
    assertEquals("{\"error\":\"'port' must be a whole number, not '80'\",\"line\":4}", lines[3]);
    assertTrue(lines[4].contains("\"line\":5}"), lines[4]);
    assertTrue(lines[5].contains("\"status\":301"), "routed after the bad lines: " + lines[5]);
    assertTrue(run.err().contains("r.jsonl:2: not valid JSON"), run.err());
    assertTrue(run.err().contains("4 lines could not be read"), run.err());
  }

  @Test
  void expectFile_unreadableLineAndUnknownGateway_failWithTheirLineNumbers() throws IOException {
    Path file =
        write(
            "e.jsonl",
            "{\"host\":\"www.shop.example.com\",\"path\":\"/x\",\"expect\":{\"status\":301}}\n"
                + "not json\n"
                + "{\"gateway\":\"infra/nope\",\"host\":\"www.shop.example.com\","
                + "\"expect\":{\"status\":301}}\n");
    Gwc.Run run = Gwc.run("simulate", "--expect", file.toString(), SHOP);
    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("e.jsonl:2: cannot read the line: not a JSON object"), run.out());
    assertTrue(
        run.out().contains("e.jsonl:3: cannot read the line: unknown gateway 'infra/nope'"),
        run.out());
    assertTrue(run.out().contains("1 of 3 expectations met"), run.out());
  }

  @Test
  void compare_unreadableRequestLine_reportedAndExit1() throws IOException {
    Path file = write("c.jsonl", "{\"host\":\"www.shop.example.com\"}\n{\"host\":7}\n");
    Gwc.Run run = Gwc.run("simulate", "--compare", SHOP, "--requests", file.toString(), SHOP);
    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(
        run.err().contains("c.jsonl:2: 'host' must be a string, not 7 (not sent)"), run.err());
    Path good = write("g.jsonl", "{\"host\":\"www.shop.example.com\"}\n");
    assertEquals(
        0, Gwc.run("simulate", "--compare", SHOP, "--requests", good.toString(), SHOP).exit());
  }

  @Test
  void requestsFile_lineThatIsNotUtf8_errorResultForThatLineAlone() throws IOException {
    Path file = tmp.resolve("mixed.jsonl");
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    bytes.writeBytes("{\"host\":\"www.shop.example.com\"}\n".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {'{', '"', 'h', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
    bytes.writeBytes(
        "{\"host\":\"www.shop.example.com\",\"path\":\"/x\"}\n".getBytes(StandardCharsets.UTF_8));
    Files.write(file, bytes.toByteArray());
    Gwc.Run run = Gwc.run("simulate", "--requests", file.toString(), SHOP);
    assertEquals(1, run.exit(), run.err());
    String[] lines = run.out().strip().split("\n");
    assertEquals(3, lines.length, run.out());
    assertEquals("{\"error\":\"not UTF-8 text\",\"line\":2}", lines[1]);
    assertTrue(lines[2].contains("\"status\":301"), lines[2]);
  }

  @Test
  void requestsFile_hostWithPort_isTheHostHeader() throws IOException {
    Path file =
        write(
            "r.jsonl",
            "{\"host\":\"www.shop.example.com:443\",\"scheme\":\"https\",\"path\":\"/\"}\n"
                + "{\"host\":\"www.shop.example.com:8443\",\"port\":443,"
                + "\"scheme\":\"https\",\"path\":\"/\"}\n"
                + "{\"host\":\"www.shop.example.com:8080\",\"path\":\"/\"}\n");
    Gwc.Run run = Gwc.run("simulate", "--requests", file.toString(), SHOP);
    String[] lines = run.out().strip().split("\n");
    assertEquals(3, lines.length, run.out() + run.err());
    assertTrue(lines[0].contains("\"status\":200"), lines[0]);
    assertTrue(lines[1].contains("\"status\":200"), "port 443 given apart: " + lines[1]);
    assertTrue(lines[2].contains("\"listener\":null"), "port 8080 from the host: " + lines[2]);
    assertEquals(0, run.exit(), run.err());
  }

  @Test
  void combinedLog_hostFromVhostFieldOrAbsoluteUrl() throws IOException {
    Path log =
        write(
            "access.log",
            "www.shop.example.com:443 10.0.0.1 - - [21/Nov/2026:10:00:00 +0000] \"GET /api HTTP/1.1\""
                + " 200 512 \"-\" \"curl/8.5.0\"\n"
                + "10.0.0.2 - - [21/Nov/2026:10:00:01 +0000] \"GET http://www.shop.example.com/x"
                + " HTTP/1.1\" 301 0 \"-\" \"curl/8.5.0\"\n");
    Gwc.Run run =
        Gwc.run("simulate", "--requests", log.toString(), "--log-format", "combined", SHOP);
    assertEquals(0, run.exit(), run.err());
    String[] lines = run.out().strip().split("\n");
    assertEquals(2, lines.length, run.out());
    assertTrue(lines[0].contains("\"status\":200") && lines[0].contains("user-agent"), lines[0]);
    assertTrue(lines[1].contains("\"status\":301"), lines[1]);
  }

  @Test
  void combinedLog_lineWithoutHostOrGarbage_errorResult_exit1() throws IOException {
    Path log =
        write(
            "access.log",
            "10.0.0.1 - - [21/Nov/2026:10:00:00 +0000] \"GET /api HTTP/1.1\" 200 512 \"-\" \"-\"\n"
                + "10.0.0.1 - - [21/Nov/2026:10:00:01 +0000] \"\\x16\\x03\\x01\\x02\" 400 0 \"-\""
                + " \"-\"\n"
                + "10.0.0.2 - - [21/Nov/2026:10:00:02 +0000] \"GET http://www.shop.example.com/x"
                + " HTTP/1.1\" 301 0 \"-\" \"curl/8.5.0\"\n");
    Gwc.Run run =
        Gwc.run("simulate", "--requests", log.toString(), "--log-format", "combined", SHOP);
    assertEquals(1, run.exit(), run.err());
    String[] lines = run.out().strip().split("\n");
    assertEquals(3, lines.length, run.out());
    assertTrue(lines[0].startsWith("{\"error\":\"no host"), lines[0]);
    assertTrue(lines[1].contains("\"line\":2}"), lines[1]);
    assertTrue(lines[2].contains("\"status\":301"), lines[2]);
    assertTrue(run.err().contains("access.log:1: no host"), run.err());
  }

  @Test
  void expectFile_failingLine_exits1_withDiff() throws IOException {
    Path file =
        write(
            "e.jsonl",
            "{\"host\":\"www.shop.example.com\",\"path\":\"/\",\"expect\":{\"status\":301,"
                + "\"redirect\":{\"location\":\"https://www.shop.example.com/\"}}}\n"
                + "{\"host\":\"www.shop.example.com\",\"path\":\"/x\",\"expect\":{\"status\":200,"
                + "\"route\":{\"name\":\"storefront\"}}}\n");
    Gwc.Run run = Gwc.run("simulate", "--expect", file.toString(), SHOP);
    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("e.jsonl:2: GET http://www.shop.example.com:80/x"), run.out());
    assertTrue(run.out().contains("  status: expected 200, got 301"), run.out());
    assertTrue(
        run.out().contains("  route.name: expected 'storefront', got 'storefront-http'"),
        run.out());
    assertTrue(run.out().contains("1 of 2 expectations met"), run.out());
  }

  @Test
  void expectFile_manyLines_failuresReportedInFileOrder() throws IOException {
    StringBuilder lines = new StringBuilder();
    List<String> failing = new ArrayList<>();
    for (int i = 1; i <= 600; i++) {
      boolean fails = i % 3 == 0;
      lines.append(
          "{\"host\":\"www.shop.example.com\",\"path\":\"/p"
              + i
              + "\",\"expect\":{\"status\":"
              + (fails ? 999 : 301)
              + "}}\n");
      if (fails) {
        failing.add("e.jsonl:" + i + ": GET http://www.shop.example.com:80/p" + i);
      }
    }
    Path file = write("e.jsonl", lines.toString());
    Gwc.Run run = Gwc.run("simulate", "--expect", file.toString(), SHOP);
    assertEquals(1, run.exit(), run.err());
    List<String> reported = new ArrayList<>();
    for (String line : run.out().split("\n")) {
      if (line.contains("e.jsonl:")) {
        reported.add(line.substring(line.indexOf("e.jsonl:")));
      }
    }
    assertEquals(failing, reported);
    assertTrue(run.out().contains("400 of 600 expectations met"), run.out());
  }

  @Test
  void expectFile_allMet_exits0() throws IOException {
    Path file =
        write(
            "e.jsonl",
            "{\"host\":\"www.shop.example.com\",\"scheme\":\"https\",\"path\":\"/api\","
                + "\"headers\":{\"x-api-version\":\"2\"},"
                + "\"expect\":{\"status\":200,\"backend\":{\"name\":\"api\",\"port\":9090}}}\n");
    Gwc.Run run = Gwc.run("simulate", "--expect", file.toString(), SHOP);
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("1 of 1 expectations met"), run.out());
  }

  @Test
  void binaryRequestFile_isAUsageErrorThatSaysWhy() throws java.io.IOException {
    java.nio.file.Path bin = java.nio.file.Files.createTempFile("gwc-requests", ".bin");
    try {
      java.nio.file.Files.write(bin, new byte[] {(byte) 0xC3, (byte) 0x28, 0x00, (byte) 0xFF});
      Gwc.Run run =
          Gwc.run(
              "simulate",
              "--requests",
              bin.toString(),
              Gwc.root().resolve("examples/shop").toString());
      org.junit.jupiter.api.Assertions.assertEquals(2, run.exit());
      org.junit.jupiter.api.Assertions.assertTrue(
          run.err().contains("is not UTF-8 text"), run.err());
    } finally {
      java.nio.file.Files.deleteIfExists(bin);
    }
  }
}
