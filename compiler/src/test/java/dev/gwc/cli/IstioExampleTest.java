package dev.gwc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code examples/istio}, the Bookinfo-style ingress the README walks through. */
class IstioExampleTest {
  private static final String SET = Gwc.root().resolve("examples/istio").toString();

  @TempDir Path tmp;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> simulate(String request, String... headers) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of("simulate", "--format", "json", "--request", request));
    for (String h : headers) {
      args.add("-H");
      args.add(h);
    }
    args.add(SET);
    Gwc.Run run = Gwc.run(args.toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
    return run.json();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @Test
  void validatesClean() {
    Gwc.Run run = Gwc.run("validate", SET);
    assertEquals(0, run.exit(), run.out());
    assertTrue(run.out().startsWith("0 errors, 0 warnings"), run.out());
  }

  @Test
  void routesAsTheReadmeSays() {
    assertEquals(
        "productpage",
        map(simulate("GET http://bookinfo.example.com/static/app.js").get("backend")).get("name"));
    assertEquals(404L, simulate("GET http://bookinfo.example.com/admin").get("status"));
    Map<String, Object> redirect = simulate("GET http://reviews.example.com/");
    assertEquals(301L, redirect.get("status"));
    Map<String, Object> jason = simulate("GET https://reviews.example.com/", "end-user: jason");
    assertEquals("v3", map(jason.get("backend")).get("subset"));
  }

  @Test
  void itsConversionValidates() throws IOException {
    Gwc.Run convert = Gwc.run("convert", "--provider", "istio", SET);
    assertEquals(0, convert.exit(), convert.err());
    Path converted = tmp.resolve("converted.yaml");
    Files.writeString(converted, convert.out());
    Gwc.Run validate =
        Gwc.run(
            "validate",
            converted.toString(),
            Gwc.root().resolve("examples/istio/services.yaml").toString());
    assertEquals(0, validate.exit(), validate.out());
  }

  @Test
  void subsetServices_generatesAServicePerSubset_andTheSetStillValidates() throws IOException {
    Gwc.Run convert = Gwc.run("convert", "--provider", "istio", "--subset-services", SET);
    assertEquals(0, convert.exit(), convert.err());
    for (String v : new String[] {"v1", "v2", "v3"}) {
      assertTrue(convert.out().contains("name: reviews-" + v), convert.out());
      assertTrue(convert.out().contains("version: " + v), convert.out());
    }
    assertTrue(convert.err().contains("generated from Service 'reviews'"), convert.err());
    Path converted = tmp.resolve("converted.yaml");
    Files.writeString(converted, convert.out());
    Gwc.Run validate =
        Gwc.run(
            "validate",
            converted.toString(),
            Gwc.root().resolve("examples/istio/services.yaml").toString());
    assertEquals(0, validate.exit(), validate.out());
  }
}
