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
      assertTrue(names.contains("gateway_infra_edge.yaml"), names.toString());
      assertTrue(names.contains("httproute_shop_storefront.yaml"), names.toString());
    }
    Gwc.Run check = Gwc.run("compile", "--check", out.toString(), shop().toString());
    assertEquals(0, check.exit(), check.out());
  }

  @Test
  void check_staleBundle_exitsOneWithDiff() throws IOException {
    Path out = tmp.resolve("compiled");
    Gwc.run("compile", "-o", out.toString(), shop().toString());
    Path gw = out.resolve("gateway_infra_edge.yaml");
    Files.writeString(
        gw,
        Files.readString(gw, StandardCharsets.UTF_8)
            .replace("attachedRoutes: 1", "attachedRoutes: 7"));
    Files.writeString(out.resolve("httproute_shop_gone.yaml"), "kind: HTTPRoute\n");
    Gwc.Run check = Gwc.run("compile", "--check", out.toString(), shop().toString());
    assertEquals(1, check.exit());
    assertTrue(
        check.out().lines().anyMatch(l -> l.startsWith("-") && l.contains("attachedRoutes: 7")),
        check.out());
    assertTrue(
        check.out().lines().anyMatch(l -> l.startsWith("+") && l.contains("attachedRoutes: 1")),
        check.out());
    assertTrue(check.out().contains("httproute_shop_gone.yaml"), check.out());
  }

  private static final String TWO_ROUTES =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: c, namespace: team-a}
      spec: {}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: a-c, namespace: team}
      spec: {}
      """;

  private Path input(String yaml) throws IOException {
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    Files.writeString(in.resolve("routes.yaml"), yaml);
    return in;
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void outputDir_namesThatOnceCollidedAreApart() throws IOException {
    Path out = tmp.resolve("out");
    Gwc.Run run = Gwc.run("compile", "-o", out.toString(), input(TWO_ROUTES).toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals(
        List.of(".gwc-bundle", "httproute_team-a_c.yaml", "httproute_team_a-c.yaml"), names(out));
    assertTrue(Files.readString(out.resolve("httproute_team_a-c.yaml")).contains("name: a-c"));
  }

  @Test
  void outputDir_neverOverwritesAFileGwcDidNotWrite() throws IOException {
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Path mine = out.resolve("httproute_team-a_c.yaml");
    Files.writeString(mine, "# my notes\n");
    Gwc.Run refused = Gwc.run("compile", "-o", out.toString(), input(TWO_ROUTES).toString());
    assertEquals(2, refused.exit(), refused.err());
    assertTrue(
        refused.err().contains("gwc compile: " + mine + ": exists and was not written by gwc"),
        refused.err());
    assertEquals("# my notes\n", Files.readString(mine));
    assertEquals(List.of("httproute_team-a_c.yaml"), names(out), "nothing written on refusal");

    Gwc.Run forced =
        Gwc.run("compile", "--force", "-o", out.toString(), input(TWO_ROUTES).toString());
    assertEquals(0, forced.exit(), forced.err());
    assertTrue(Files.readString(mine).contains("name: c"));
  }

  @Test
  void outputDir_removesOnlyWhatGwcWroteAndKeepsModes() throws IOException {
    Path out = tmp.resolve("out");
    Path in = input(TWO_ROUTES);
    assertEquals(0, Gwc.run("compile", "-o", out.toString(), in.toString()).exit());
    Path kept = out.resolve("httproute_team-a_c.yaml");
    Files.setPosixFilePermissions(
        kept, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
    Files.writeString(out.resolve("README.md"), "by hand\n");
    Files.writeString(out.resolve("service_x_y.yaml"), "by hand\n");
    Files.writeString(
        in.resolve("routes.yaml"),
        TWO_ROUTES
            .substring(0, TWO_ROUTES.indexOf("---"))
            .replace("{}", "{hostnames: [a.example]}"));
    Gwc.Run run = Gwc.run("compile", "-o", out.toString(), in.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals(
        List.of(".gwc-bundle", "README.md", "httproute_team-a_c.yaml", "service_x_y.yaml"),
        names(out));
    assertTrue(
        run.err().contains("removed " + out.resolve("httproute_team_a-c.yaml") + " (no longer"),
        run.err());
    assertEquals(
        "rw-rw----",
        java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
    assertTrue(Files.readString(kept).contains("a.example"));
  }

  @Test
  void outputDir_neverFollowsALinkOutOfDir() throws IOException {
    Path out = tmp.resolve("out");
    Path in = input(TWO_ROUTES);
    assertEquals(0, Gwc.run("compile", "-o", out.toString(), in.toString()).exit());
    Path outside = tmp.resolve("outside.txt");
    Files.writeString(outside, "secret\n");
    Path link = out.resolve("httproute_team-a_c.yaml");
    Files.delete(link);
    Files.createSymbolicLink(link, outside);

    Gwc.Run check = Gwc.run("compile", "--check", out.toString(), in.toString());
    assertEquals(1, check.exit());
    assertTrue(check.out().contains(link + ": is a symbolic link"), check.out());
    assertTrue(!check.out().contains("secret"), "printed a file outside DIR: " + check.out());

    // gwc wrote that name: the link is replaced by the file, its target left alone.
    assertEquals(0, Gwc.run("compile", "-o", out.toString(), in.toString()).exit());
    assertTrue(!Files.isSymbolicLink(link));
    assertEquals("secret\n", Files.readString(outside));
  }

  @Test
  void outputDir_errorsNameTheFileAndTheReason() throws IOException {
    Path out = tmp.resolve("out");
    Files.createDirectories(out.resolve("httproute_team_a-c.yaml"));
    Gwc.Run run = Gwc.run("compile", "-o", out.toString(), input(TWO_ROUTES).toString());
    assertEquals(2, run.exit());
    assertTrue(
        run.err()
            .contains(
                "gwc compile: " + out.resolve("httproute_team_a-c.yaml") + ": is a directory"),
        run.err());
    Path file = tmp.resolve("file");
    Files.writeString(file, "x");
    Gwc.Run notDir = Gwc.run("compile", "-o", file.toString(), input(TWO_ROUTES).toString());
    assertEquals(2, notDir.exit());
    assertTrue(notDir.err().contains(file + ": not a directory"), notDir.err());

    Gwc.Run check = Gwc.run("compile", "--check", out.toString(), input(TWO_ROUTES).toString());
    assertEquals(1, check.exit());
    assertTrue(
        check.out().contains("is a directory; --check compares regular files only"), check.out());
  }

  @Test
  void describe_findingsOnStandardError_exitsLikeCompile() throws IOException {
    Path in =
        input(TWO_ROUTES.replace("spec: {}", "spec: {parentRefs: [{name: gw, port: 99999}]}"));
    Gwc.Run describe = Gwc.run("describe", in.toString());
    Gwc.Run compile = Gwc.run("compile", in.toString());
    assertEquals(1, compile.exit(), compile.err());
    assertEquals(compile.exit(), describe.exit(), describe.err());
    assertTrue(describe.err().contains("error["), describe.err());
    assertTrue(
        !describe.out().contains("error["), "findings stay off the table: " + describe.out());
    Gwc.Run clean = Gwc.run("describe", shop().toString());
    assertEquals(0, clean.exit(), clean.err());
  }

  @Test
  void convertedIngress_findingsPointAtTheIngress() throws IOException {
    Path in = tmp.resolve("half-migrated");
    Files.createDirectories(in);
    Files.writeString(
        in.resolve("ingress.yaml"),
        """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
          namespace: shop
        spec:
          ingressClassName: nginx
          rules:
          - host: a.example
            http:
              paths:
              - {path: /, pathType: Prefix, backend: {service: {name: missing, port: {number: 80}}}}
        """);
    Gwc.Run run = Gwc.run("compile", "--complete", in.toString());
    assertEquals(1, run.exit(), run.err());
    String at = in.resolve("ingress.yaml") + ":4:9: error[backend-not-found]";
    assertTrue(run.err().contains(at + ": Service 'shop/missing' does not exist"), run.err());
    assertTrue(run.err().contains("  name: web\n"), "shows the Ingress's line: " + run.err());
    assertTrue(!run.err().contains("converted from Ingress"), run.err());
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
