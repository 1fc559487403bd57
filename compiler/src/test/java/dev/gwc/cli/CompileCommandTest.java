package dev.gwc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gwc compile} as a GitOps pipeline uses it: -o, --check, exit codes. */
class CompileCommandTest {
  @TempDir Path tmp;

  private static Path shop() {
    return Gwc.root().resolve("examples/shop");
  }

  @Test
  void outputDir_oneFilePerResource_thenCheckPasses() throws IOException {
    Path out = tmp.resolve("compiled");
    assertEquals(0, Gwc.run("compile", "-o", out.toString(), shop().toString()).exit());
    try (Stream<Path> files = Files.list(out)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertTrue(names.contains("gateway-infra-edge.yaml"), names.toString());
      assertTrue(names.contains("httproute-shop-storefront.yaml"), names.toString());
    }
    Gwc.Run check = Gwc.run("compile", "--check", out.toString(), shop().toString());
    assertEquals(0, check.exit(), check.out());
  }

  @Test
  void check_staleBundle_exitsOneWithDiff() throws IOException {
    Path out = tmp.resolve("compiled");
    Gwc.run("compile", "-o", out.toString(), shop().toString());
    Path gw = out.resolve("gateway-infra-edge.yaml");
    Files.writeString(
        gw,
        Files.readString(gw, StandardCharsets.UTF_8)
            .replace("attachedRoutes: 1", "attachedRoutes: 7"));
    Files.writeString(out.resolve("httproute-shop-gone.yaml"), "kind: HTTPRoute\n");
    Gwc.Run check = Gwc.run("compile", "--check", out.toString(), shop().toString());
    assertEquals(1, check.exit());
    assertTrue(
        check.out().lines().anyMatch(l -> l.startsWith("-") && l.contains("attachedRoutes: 7")),
        check.out());
    assertTrue(
        check.out().lines().anyMatch(l -> l.startsWith("+") && l.contains("attachedRoutes: 1")),
        check.out());
    assertTrue(check.out().contains("httproute-shop-gone.yaml"), check.out());
  }

  @Test
  @SuppressWarnings("unchecked")
  void json_isAList_withStatusOnGatewayApiKinds() {
    Gwc.Run run = Gwc.run("compile", "--format", "json", shop().toString());
    Map<String, Object> list = run.json();
    assertEquals("List", list.get("kind"));
    List<Map<String, Object>> items = (List<Map<String, Object>>) list.get("items");
    Map<String, Object> route =
        items.stream()
            .filter(i -> "storefront".equals(((Map<String, Object>) i.get("metadata")).get("name")))
            .findFirst()
            .orElseThrow();
    Map<String, Object> parent =
        ((List<Map<String, Object>>) ((Map<String, Object>) route.get("status")).get("parents"))
            .get(0);
    assertEquals("example.com/gateway-controller", parent.get("controllerName"));
  }

  @Test
  void inputWithErrors_exitsOne_andReportsOnStderr() throws IOException {
    Path f = tmp.resolve("r.yaml");
    Files.writeString(
        f,
        "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\nspec:\n  rules:\n  - backendRefs:\n    - name: a\n      port: 99999\n");
    Gwc.Run run = Gwc.run("compile", f.toString());
    assertEquals(1, run.exit());
    assertTrue(run.err().contains("error[schema]"), run.err());
  }

  // ---------------------------------------------------------------- Ingress in the set

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Gwc.Run run) {
    return (List<Map<String, Object>>) run.json().get("items");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> find(
      List<Map<String, Object>> items, String kind, String name) {
    for (Map<String, Object> i : items) {
      Map<String, Object> meta = (Map<String, Object>) i.get("metadata");
      if (kind.equals(i.get("kind")) && name.equals(meta.get("name"))) {
        return i;
      }
    }
    return null;
  }

  @Test
  @SuppressWarnings("unchecked")
  void ingresses_areConvertedAndCompiledWithTheRest() {
    Path ingress = Gwc.root().resolve("examples/ingress");
    Gwc.Run run = Gwc.run("compile", "--format", "json", ingress.toString());
    assertEquals(0, run.exit(), run.err());
    List<Map<String, Object>> items = items(run);
    Map<String, Object> route = find(items, "HTTPRoute", "www.shop.example.com");
    assertTrue(route != null, "no converted HTTPRoute in " + run.out());
    List<Map<String, Object>> parents =
        (List<Map<String, Object>>) ((Map<String, Object>) route.get("status")).get("parents");
    for (Map<String, Object> p : parents) {
      for (Map<String, Object> c : (List<Map<String, Object>>) p.get("conditions")) {
        assertEquals("True", c.get("status"), () -> "converted route not accepted: " + p);
      }
    }
    assertTrue(find(items, "Ingress", "storefront") != null, "the Ingresses stay in the bundle");
    assertTrue(
        run.err().contains("limit-rps"), "conversion notifications go to stderr: " + run.err());

    Gwc.Run plain = Gwc.run("compile", "--format", "json", "--no-convert", ingress.toString());
    assertEquals(null, find(items(plain), "HTTPRoute", "www.shop.example.com"));
  }

  @Test
  void halfMigrated_inputOwnVersionWins() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("repo"));
    Path ingress = Gwc.root().resolve("examples/ingress");
    for (String f : List.of("ingresses.yaml", "services.yaml")) {
      Files.copy(ingress.resolve(f), dir.resolve(f));
    }
    Files.writeString(
        dir.resolve("migrated.yaml"),
        String.join(
            "\n",
            "apiVersion: gateway.networking.k8s.io/v1",
            "kind: HTTPRoute",
            "metadata:",
            "  name: www.shop.example.com",
            "  namespace: shop",
            "spec:",
            "  parentRefs:",
            "  - name: nginx",
            "  hostnames: [www.shop.example.com]",
            "  rules:",
            "  - backendRefs:",
            "    - name: storefront-v1",
            "      port: 80",
            ""));
    Gwc.Run run = Gwc.run("compile", "--format", "json", dir.toString());
    assertTrue(run.err().contains("the input's own version is used"), run.err());
    long routes =
        items(run).stream()
            .filter(i -> "HTTPRoute".equals(i.get("kind")))
            .filter(i -> i.toString().contains("name=www.shop.example.com,"))
            .count();
    assertEquals(1, routes, run.out());
  }

  @Test
  void ingressOnStdin_isReadOnceForBoth() throws IOException {
    String yaml =
        Files.readString(Gwc.root().resolve("examples/ingress/ingresses.yaml"))
            + "\n---\n"
            + Files.readString(Gwc.root().resolve("examples/ingress/services.yaml"));
    Gwc.Run run = Gwc.runWithStdin(yaml, "compile", "--format", "json", "-");
    assertEquals(0, run.exit(), run.err());
    assertTrue(find(items(run), "HTTPRoute", "www.shop.example.com") != null, run.out());
    assertTrue(find(items(run), "Ingress", "storefront") != null, run.out());
  }
}
