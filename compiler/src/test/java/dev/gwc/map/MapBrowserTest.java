package dev.gwc.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The map page in a real browser: headless Chromium (Debian's package, which {@code .ci/run}
 * installs) loads the page from a file, runs its script, and must show the nodes with their status
 * classes, report no script error, and make no network request (Chromium's own net log is read for
 * requests whose network isolation key is the page's file origin). A screenshot is kept in {@code
 * target/}. Skipped, with the reason printed, only where Chromium is not installed.
 */
class MapBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir Path tmp;

  @BeforeAll
  static void chromiumIsThere() {
    if (!Files.isExecutable(CHROMIUM)) {
      System.out.println("MapBrowserTest skipped: " + CHROMIUM + " is not installed");
    }
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is not installed");
  }

  @Test
  void shopMap_rendersWithItsStatuses_andMakesNoRequest() throws Exception {
    Path page = tmp.resolve("shop.html");
    Gwc.Run run =
        Gwc.run(
            "map",
            "-o",
            page.toString(),
            "--request",
            "GET https://www.shop.example.com/api",
            "-H",
            "x-api-version: 2",
            Gwc.root().resolve("examples/shop").toString());
    assertEquals(0, run.exit(), run.err());
    Path netLog = tmp.resolve("netlog.json");
    String dom = chromium(page, "--log-net-log=" + netLog, "--dump-dom");
    assertTrue(dom.contains("data-ready=\"1\""), "the script ran to its end\n" + dom);
    assertTrue(dom.contains("data-errors=\"0\""), "no script error\n" + dom);
    for (String node :
        List.of(
            "class=\"node st-ok\" id=\"class:edge\"",
            "class=\"node st-ok on-path\" id=\"gateway:infra/edge\"",
            "class=\"node st-ok on-path\" id=\"route:HTTPRoute/shop/storefront\"",
            "class=\"node st-ok\" id=\"route:HTTPRoute/shop/storefront-http\"")) {
      assertTrue(dom.contains(node), node + "\n" + dom);
    }
    assertTrue(dom.contains("9 of 9 nodes"), "the filters ran and counted the nodes\n" + dom);
    assertEquals(List.of(), pageRequests(netLog), "requests the page made");

    Path png = Gwc.root().resolve("compiler/target/map-shop.png");
    chromium(page, "--window-size=1400,420", "--screenshot=" + png);
    assertTrue(Files.size(png) > 10_000, "a screenshot of the map");
  }

  @Test
  void mapWithErrors_marksThemRedAndDashed() throws Exception {
    Path page = tmp.resolve("errors.html");
    Gwc.Run run =
        Gwc.run(
            "map",
            "-o",
            page.toString(),
            Gwc.root().resolve("testdata/compile/route-attachment/input.yaml").toString());
    assertEquals(1, run.exit(), run.err());
    String dom = chromium(page, "--dump-dom");
    assertTrue(dom.contains("data-errors=\"0\""), dom);
    assertTrue(dom.contains("class=\"node st-error\" id=\"route:HTTPRoute/infra/refs\""), dom);
    assertTrue(dom.contains("class=\"node st-assumed\" id=\"backend:Service/shop/api\""), dom);
    assertTrue(dom.contains("class=\"edge st-error\" data-from=\"gateway:infra/edge\""), dom);
  }

  @Test
  void largeSet_opensOnOneGateway_andSwitchesByLink() throws Exception {
    // Two Gateways with 150 routes each (over 400 nodes with their listeners and Services).
    StringBuilder yaml = new StringBuilder();
    yaml.append(
        "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: gc}\n"
            + "spec: {controllerName: example.com/gc}\n");
    for (String gw : List.of("alpha", "beta")) {
      yaml.append("---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n")
          .append("metadata: {name: ")
          .append(gw)
          .append(", namespace: infra}\nspec:\n  gatewayClassName: gc\n  listeners:\n")
          .append(
              "  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}\n");
      for (int i = 0; i < 150; i++) {
        yaml.append("---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n")
            .append("metadata: {name: ")
            .append(gw)
            .append('-')
            .append(i)
            .append(", namespace: apps}\nspec:\n  parentRefs: [{name: ")
            .append(gw)
            .append(", namespace: infra}]\n  hostnames: [")
            .append(gw)
            .append(i)
            .append(".example.com]\n  rules: [{backendRefs: [{name: svc-")
            .append(gw)
            .append(i)
            .append(", port: 80}]}]\n");
      }
    }
    Path input = tmp.resolve("large.yaml");
    Files.writeString(input, yaml);
    Path page = tmp.resolve("large.html");
    Gwc.Run run = Gwc.run("map", "-o", page.toString(), input.toString());
    assertTrue(run.exit() <= 1, run.err());
    String first = chromium(page, "--dump-dom");
    assertTrue(first.contains("data-errors=\"0\""), first);
    assertTrue(first.contains("(one Gateway of 2)"), first);
    assertTrue(first.contains("id=\"route:HTTPRoute/apps/alpha-7\""), "alpha's view first");
    assertTrue(
        !first.contains("class=\"view\" data-gateway=\"gateway:infra/beta\""),
        "beta's view stays text until it is chosen");
    String second = chromium(page, "--dump-dom", "#gateway=infra/beta");
    assertTrue(second.contains("data-errors=\"0\""), second);
    assertTrue(second.contains("class=\"view\" data-gateway=\"gateway:infra/beta\""), second);
    assertTrue(second.contains("id=\"route:HTTPRoute/apps/beta-7\""), "beta's view, made markup");
  }

  /**
   * Runs headless Chromium on the page and returns what it prints; an argument that starts with
   * {@code #} is the fragment of the page's URL.
   */
  private String chromium(Path page, String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(tmp, "profile"),
                "--virtual-time-budget=3000"));
    String fragment = "";
    for (String a : args) {
      if (a.startsWith("#")) {
        fragment = a;
      } else {
        command.add(a);
      }
    }
    command.add(page.toUri() + fragment);
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium finished");
    return new String(out, StandardCharsets.UTF_8);
  }

  /** The URLs of requests made from the page's origin (file://), other than file and data URLs. */
  private static List<String> pageRequests(Path netLog) throws IOException {
    List<String> out = new ArrayList<>();
    Pattern url = Pattern.compile("\"url\":\"([^\"]*)\"");
    for (String line : Files.readAllLines(netLog, StandardCharsets.UTF_8)) {
      if (!line.contains("\"network_isolation_key\":\"file://")) {
        continue;
      }
      Matcher m = url.matcher(line);
      while (m.find()) {
        if (!m.group(1).startsWith("file:") && !m.group(1).startsWith("data:")) {
          out.add(m.group(1));
        }
      }
    }
    return out;
  }
}
