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
}
