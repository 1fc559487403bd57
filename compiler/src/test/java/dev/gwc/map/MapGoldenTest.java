package dev.gwc.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Approved;
import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden maps: for each compile case ({@code testdata/compile/<case>/input.yaml}) the SVG, DOT and
 * Mermaid beside it ({@code map.approved.svg|dot|mmd}); the same input must give the same bytes,
 * and the HTML page must hold no reference to anything outside itself.
 */
class MapGoldenTest {
  private static final Path CASES = Gwc.root().resolve("testdata/compile");

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> mapCases() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(CASES)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        tests.add(DynamicTest.dynamicTest(dir.getFileName().toString(), () -> runCase(dir)));
      }
    }
    return tests.stream();
  }

  private static void runCase(Path dir) {
    String input = dir.resolve("input.yaml").toString();
    String root = Gwc.root().toAbsolutePath().normalize() + "/";
    for (String[] f : new String[][] {{"svg", "svg"}, {"dot", "dot"}, {"mermaid", "mmd"}}) {
      Gwc.Run run = Gwc.run("map", "--format", f[0], "-o", "-", input);
      assertTrue(run.exit() <= 1, run.err());
      assertEquals(
          run.out(), Gwc.run("map", "--format", f[0], "-o", "-", input).out(), "same bytes");
      Approved.verify(dir.resolve("map.approved." + f[1]), run.out().replace(root, ""));
    }
  }

  @Test
  void htmlPage_isSelfContained() {
    String html = Gwc.run("map", "-o", "-", Gwc.root().resolve("examples/shop").toString()).out();
    assertTrue(html.startsWith("<!DOCTYPE html>"), html);
    for (String outside :
        List.of(" src=", " href=", "@import", "url(http", "fetch(", "XMLHttpRequest")) {
      assertFalse(html.contains(outside), outside);
    }
    Matcher urls = Pattern.compile("https?://[^\"' <]+").matcher(html);
    while (urls.find()) {
      assertEquals(
          "http://www.w3.org/2000/svg", urls.group(), "only the SVG namespace names a URL");
    }
  }

  @Test
  void request_isDrawnOnItsWay() {
    String svg =
        Gwc.run(
                "map",
                "--format",
                "svg",
                "-o",
                "-",
                "--request",
                "GET https://www.shop.example.com/api",
                "-H",
                "x-api-version: 2",
                Gwc.root().resolve("examples/shop").toString())
            .out();
    for (String id :
        List.of(
            "gateway:infra/edge",
            "listener:infra/edge#https",
            "route:HTTPRoute/shop/storefront",
            "backend:Service/shop/api")) {
      assertTrue(
          Pattern.compile("class=\"node st-ok on-path\" id=\"" + Pattern.quote(id) + "\"")
              .matcher(svg)
              .find(),
          id + " on the path\n" + svg);
    }
    assertFalse(
        svg.contains("on-path\" id=\"backend:Service/shop/storefront-v1\""),
        "a backend the request did not reach is not on the path");
    assertTrue(
        svg.contains("200 via HTTPRoute shop/storefront rule 1 -&gt; Service shop/api:9090"), svg);
  }

  @Test
  void otherDataPlanes_inTheSameStyle_withTheirRequestPaths() {
    String ingress =
        Gwc.run(
                "map",
                "--format",
                "svg",
                "-o",
                "-",
                "--request",
                "GET http://www.shop.example.com/",
                Gwc.root().resolve("examples/ingress").toString())
            .out();
    for (String id : List.of("ingressclass:nginx", "ingress:shop/storefront")) {
      assertTrue(ingress.contains("on-path\" id=\"" + id + "\""), id + "\n" + ingress);
    }
    assertTrue(ingress.contains("id=\"backend:Service/shop/"), ingress);
    String istio =
        Gwc.run(
                "map",
                "--format",
                "svg",
                "-o",
                "-",
                "--request",
                "GET http://bookinfo.example.com/productpage",
                Gwc.root().resolve("examples/istio").toString())
            .out();
    for (String id :
        List.of(
            "istio-gateway:bookinfo/bookinfo-gateway",
            "istio-gateway:bookinfo/bookinfo-gateway#http",
            "virtualservice:bookinfo/bookinfo",
            "backend:Service/bookinfo/productpage")) {
      assertTrue(istio.contains("on-path\" id=\"" + id + "\""), id + "\n" + istio);
    }
    assertTrue(istio.contains("id=\"istio:istio=ingressgateway\""), istio);
  }

  @Test
  void output_isWrittenAtomically_withAReadableMode() throws IOException {
    Path out = tmp.resolve("maps/shop.html");
    Gwc.Run run =
        Gwc.run("map", "-o", out.toString(), Gwc.root().resolve("examples/shop").toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(Files.readString(out).startsWith("<!DOCTYPE html>"));
    try (Stream<Path> files = Files.list(out.getParent())) {
      assertEquals(List.of(out), files.toList(), "no temporary file left");
    }
    if (Files.getFileStore(out).supportsFileAttributeView("posix")) {
      assertEquals(
          "rw-r--r--",
          java.nio.file.attribute.PosixFilePermissions.toString(
              Files.getPosixFilePermissions(out)));
    }
    Gwc.Run folder =
        Gwc.run("map", "-o", tmp.toString(), Gwc.root().resolve("examples/shop").toString());
    assertEquals(2, folder.exit(), folder.err());
    assertTrue(folder.err().contains("is a folder"), folder.err());
  }

  @Test
  void badFormatOrRequest_isAUsageError() {
    String shop = Gwc.root().resolve("examples/shop").toString();
    Gwc.Run format = Gwc.run("map", "--format", "png", shop);
    assertEquals(2, format.exit());
    assertTrue(format.err().contains("--format png: use html, svg, dot or mermaid"), format.err());
    Gwc.Run request = Gwc.run("map", "--request", "GET", "-o", "-", shop);
    assertEquals(2, request.exit());
    assertTrue(request.err().contains("--request"), request.err());
  }
}
