package dev.gwc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gwc validate} as a user runs it: formats, exit codes, inputs, flags. */
class ValidateCommandTest {
  private static final String TYPO_ROUTE =
      "apiVersion: gateway.networking.k8s.io/v1\n"
          + "kind: HTTPRoute\n"
          + "metadata:\n"
          + "  name: web\n"
          + "  namespace: shop\n"
          + "spec:\n"
          + "  rules:\n"
          + "  - backendRefs:\n"
          + "    - name: web\n"
          + "      port: 80\n"
          + "      weht: 3\n";

  /** The Service the route refers to, so that nothing has to be assumed. */
  private static final String SERVICE =
      "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\n"
          + "spec:\n  ports:\n  - port: 80\n";

  private static final String PASSTHROUGH =
      "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: gw\nspec:\n"
          + "  gatewayClassName: c\n  listeners:\n  - name: tls\n    port: 443\n    protocol: TLS\n"
          + "    tls:\n      mode: Passthrough\n      certificateRefs:\n      - name: cert\n";

  @TempDir Path tmp;

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void json_matchesContractShape() throws IOException {
    Path f = write("route.yaml", TYPO_ROUTE + SERVICE);
    Gwc.Run run = Gwc.run("validate", "--format", "json", f.toString());
    assertEquals(1, run.exit());
    Map<String, Object> json = run.json();
    List<Map<String, Object>> diags = run.diagnostics();
    assertEquals(1, diags.size());
    Map<String, Object> d = diags.get(0);
    assertEquals("error", d.get("severity"));
    assertEquals("unknown-field", d.get("rule"));
    assertEquals(f.toString(), d.get("file"));
    assertEquals(11L, d.get("line"));
    assertEquals(7L, d.get("column"));
    assertEquals(0L, d.get("document"));
    assertEquals("HTTPRoute", d.get("kind"));
    assertEquals("shop", d.get("namespace"));
    assertEquals("web", d.get("name"));
    assertEquals("spec.rules[0].backendRefs[0].weht", d.get("path"));
    assertTrue(((String) d.get("message")).contains("did you mean 'weight'"));
    @SuppressWarnings("unchecked")
    Map<String, Object> summary = (Map<String, Object>) json.get("summary");
    assertEquals(1L, summary.get("files"));
    assertEquals(2L, summary.get("resources"));
    assertEquals(1L, summary.get("errors"));
    assertEquals(0L, summary.get("warnings"));
  }

  @Test
  void text_showsLocationRuleSourceLineAndCaret() throws IOException {
    Path f = write("route.yaml", TYPO_ROUTE + SERVICE);
    Gwc.Run run = Gwc.run("validate", f.toString());
    String[] lines = run.out().split("\n");
    assertEquals(
        f + ":11:7: error[unknown-field]: unknown field 'weht' (did you mean 'weight'?)", lines[0]);
    assertEquals("      weht: 3", lines[1]);
    assertEquals("      ^", lines[2]);
    assertEquals("1 error, 0 warnings in 1 file (2 resources)", lines[3]);
  }

  @Test
  void sarif_hasRuleAndRegion() throws IOException {
    Path f = write("route.yaml", TYPO_ROUTE + SERVICE);
    Gwc.Run run = Gwc.run("validate", "--format", "sarif", f.toString());
    Map<String, Object> json = run.json();
    assertEquals("2.1.0", json.get("version"));
    String out = run.out();
    assertTrue(out.contains("\"ruleId\": \"unknown-field\""));
    assertTrue(out.contains("\"startLine\": 11"));
    assertTrue(out.contains("\"level\": \"error\""));
  }

  @Test
  void sarif_carriesVersionAbsoluteHelpUrisAndEncodedPaths() throws IOException {
    Path f = write("my routes#1.yaml", TYPO_ROUTE + SERVICE);
    Gwc.Run run = Gwc.run("validate", "--format", "sarif", f.toString());
    String out = run.out();
    assertTrue(out.contains("\"semanticVersion\": \""), out);
    assertTrue(
        out.contains("\"helpUri\": \"https://gwc.dev/rules/unknown-field.md\""),
        "absolute helpUri");
    assertTrue(out.contains("my%20routes%231.yaml\""), "percent-encoded artifact URI\n" + out);
    Gwc.Run custom =
        Gwc.run(
            "validate",
            "--format",
            "sarif",
            "--rules-url",
            "https://git.example.com/gwc/rules",
            f.toString());
    assertTrue(
        custom
            .out()
            .contains("\"helpUri\": \"https://git.example.com/gwc/rules/unknown-field.md\""),
        custom.out());
  }

  @Test
  void sarif_unreadableInput_isAValidLogThatSaysSo() {
    Gwc.Run run = Gwc.run("validate", "--format", "sarif", tmp.resolve("missing").toString());
    assertEquals(2, run.exit());
    Map<String, Object> json = run.json();
    assertEquals("2.1.0", json.get("version"));
    assertTrue(run.out().contains("\"executionSuccessful\": false"), run.out());
    assertTrue(run.out().contains("no such file or folder"), run.out());
  }

  @Test
  void gitlab_isCodeQualityJson_withStableFingerprints() throws IOException {
    Path f = write("route.yaml", TYPO_ROUTE + SERVICE);
    Gwc.Run run = Gwc.run("validate", "--format", "gitlab", f.toString());
    assertEquals(1, run.exit(), run.err());
    String out = run.out();
    assertTrue(out.startsWith("["), out);
    assertTrue(out.contains("\"check_name\": \"unknown-field\""), out);
    assertTrue(out.contains("\"severity\": \"major\""), out);
    assertTrue(out.contains("\"begin\": 11"), out);
    // The fingerprint does not depend on the line: a finding that moved is the same finding.
    Path moved = write("route.yaml", "# a comment line\n" + TYPO_ROUTE + SERVICE);
    Gwc.Run again = Gwc.run("validate", "--format", "gitlab", moved.toString());
    assertTrue(again.out().contains("\"begin\": 12"), again.out());
    assertEquals(fingerprints(out), fingerprints(again.out()));
  }

  private static java.util.List<String> fingerprints(String json) {
    java.util.List<String> out = new java.util.ArrayList<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"fingerprint\": \"([0-9a-f]+)\"").matcher(json);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void helmChart_isNamedWithHowToRenderIt_notParsed_kustomizeFolderIsRead() throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Path chart = Files.createDirectories(repo.resolve("chart/templates"));
    Files.writeString(repo.resolve("chart/Chart.yaml"), "apiVersion: v2\nname: shop\n");
    Files.writeString(chart.resolve("route.yaml"), "metadata:\n  name: {{ .Release.Name }}\n");
    Path overlay = Files.createDirectories(repo.resolve("overlay"));
    Files.writeString(
        overlay.resolve("kustomization.yaml"),
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [route.yaml]\n");
    Files.writeString(overlay.resolve("route.yaml"), TYPO_ROUTE + SERVICE);
    Files.writeString(
        repo.resolve("route.yaml"), TYPO_ROUTE.replace("      weht: 3\n", "") + SERVICE);
    Gwc.Run run = Gwc.run("validate", "--verbose", repo.toString());
    assertEquals(1, run.exit(), "the Kustomize folder's route is read, typo and all\n" + run.out());
    assertTrue(
        run.out().contains(overlay.resolve("route.yaml") + ":11:7: error[unknown-field]"),
        run.out());
    assertTrue(
        run.out()
            .contains(
                "is a Helm chart: its files are not manifests until rendered; not read."
                    + " Render it first: helm template "
                    + repo.resolve("chart")
                    + " | gwc validate -"),
        run.out());
    assertTrue(run.out().contains("kubectl kustomize DIR | gwc validate -"), run.out());
    assertTrue(!run.out().contains("yaml-syntax"), "the template is not parsed\n" + run.out());
    Gwc.Run only = Gwc.run("validate", repo.resolve("chart").toString());
    assertEquals(2, only.exit(), only.err());
    assertTrue(only.err().contains("only templates: render them first"), only.err());
    Gwc.Run file = Gwc.run("validate", chart.resolve("route.yaml").toString());
    assertTrue(file.out().contains("warning[template-source]"), file.out());
    assertTrue(!file.out().contains("yaml-syntax"), file.out());
  }

  @Test
  void github_printsWorkflowCommands() throws IOException {
    Path f = write("route.yaml", TYPO_ROUTE + SERVICE);
    Gwc.Run run = Gwc.run("validate", "--format", "github", f.toString());
    assertTrue(
        run.out()
            .startsWith(
                "::error file="
                    + f.toString().replace(":", "%3A")
                    + ",line=11,col=7,title=gwc unknown-field::"),
        run.out());
  }

  @Test
  void junit_oneSuitePerFile_oneCasePerFinding() throws Exception {
    Path f = write("route.yaml", TYPO_ROUTE + SERVICE);
    Path clean = write("clean.yaml", SERVICE.replace("name: web", "name: other"));
    Gwc.Run run = Gwc.run("validate", "--format", "junit", f.toString(), clean.toString());
    String out = run.out();
    assertTrue(out.contains("<testsuite name=\"" + f + "\" tests=\"1\" failures=\"1\""), out);
    assertTrue(out.contains("name=\"11:7 unknown-field\"><failure type=\"unknown-field\""), out);
    assertTrue(out.contains("<testcase classname=\"" + clean + "\" name=\"valid\"/>"), out);
    assertTrue(out.contains("<testsuites name=\"gwc validate\" tests=\"2\" failures=\"1\""), out);
    // Well-formed XML.
    javax.xml.parsers.DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(
            new java.io.ByteArrayInputStream(
                out.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void exit_zeroWhenClean() throws IOException {
    Path f = write("ok.yaml", TYPO_ROUTE.replace("      weht: 3\n", ""));
    Gwc.Run run = Gwc.run("validate", f.toString());
    assertEquals(0, run.exit(), run.out());
  }

  @Test
  void failOnWarning_turnsWarningsIntoExitOne() throws IOException {
    Path f = write("gw.yaml", PASSTHROUGH);
    assertEquals(0, Gwc.run("validate", f.toString()).exit());
    assertEquals(1, Gwc.run("validate", "--fail-on", "warning", f.toString()).exit());
  }

  @Test
  void stdin_isReadAsDash() {
    Gwc.Run run = Gwc.runWithStdin(TYPO_ROUTE + SERVICE, "validate", "--format", "json", "-");
    assertEquals(1, run.exit());
    assertEquals("-", run.diagnostics().get(0).get("file"));
  }

  @Test
  void folder_isRecursedAndHiddenFoldersSkipped() throws IOException {
    Files.createDirectories(tmp.resolve("a/b"));
    Files.createDirectories(tmp.resolve(".git"));
    write("a/b/route.yaml", TYPO_ROUTE + SERVICE);
    write(".git/route.yaml", TYPO_ROUTE);
    write("a/notes.txt", "not yaml");
    Gwc.Run run = Gwc.run("validate", "--format", "json", tmp.toString());
    assertEquals(1, run.diagnostics().size());
  }

  @Test
  void missingFile_exitsTwoWithOneLine() {
    Gwc.Run run = Gwc.run("validate", tmp.resolve("nope.yaml").toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("nope.yaml: no such file or folder"), run.err());
    assertEquals(1, run.err().strip().split("\n").length);
  }

  @Test
  void unknownOption_isUsageErrorTwo() {
    Gwc.Run run = Gwc.run("validate", "--formt", "json", "x.yaml");
    assertEquals(2, run.exit());
    assertFalse(run.err().contains("Exception"));
  }

  @Test
  void unknownRelease_isUsageErrorTwo() throws IOException {
    Path f = write("route.yaml", TYPO_ROUTE + SERVICE);
    Gwc.Run run = Gwc.run("validate", "--gateway-api-version", "9.9.9", f.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("bundled: 1.2.1, 1.3.0, 1.4.1, 1.5.1, 1.6.1"), run.err());
  }

  @Test
  void channelExperimental_acceptsExperimentalField() throws IOException {
    Path f =
        write(
            "route.yaml", TYPO_ROUTE.replace("      weht: 3\n", "    retry:\n      attempts: 2\n"));
    assertEquals(1, Gwc.run("validate", f.toString()).exit());
    assertEquals(0, Gwc.run("validate", "--channel", "experimental", f.toString()).exit());
  }

  @Test
  void olderRelease_rejectsNewerField() throws IOException {
    // GRPCRoute is standard from 1.1 on; ListenerSet only from 1.5.1 on.
    Path f =
        write(
            "ls.yaml",
            "apiVersion: gateway.networking.k8s.io/v1\nkind: ListenerSet\nmetadata:\n  name: x\nspec:\n  parentRef:\n    name: gw\n  listeners:\n  - name: a\n    port: 80\n    protocol: HTTP\n");
    assertEquals(0, Gwc.run("validate", f.toString()).exit());
    assertEquals(1, Gwc.run("validate", "--gateway-api-version", "1.3.0", f.toString()).exit());
  }

  @Test
  void output_isIndependentOfInputOrder() throws IOException {
    Path a = write("a.yaml", TYPO_ROUTE);
    Path b = write("b.yaml", PASSTHROUGH);
    assertEquals(
        Gwc.run("validate", "--format", "json", a.toString(), b.toString()).out(),
        Gwc.run("validate", "--format", "json", b.toString(), a.toString()).out());
  }

  @Test
  void help_explainsFormatsAndExitCodes() {
    Gwc.Run run = Gwc.run("validate", "--help");
    assertEquals(0, run.exit());
    assertTrue(run.out().contains("--format"));
    assertTrue(run.out().contains("Exit codes"));
  }

  @org.junit.jupiter.api.Test
  void celRules_readEscapedPropertyNames_asTheApiServerDoes(
      @org.junit.jupiter.api.io.TempDir Path tmp) throws java.io.IOException {
    String route =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web, namespace: app}
        spec:
          parentRefs:
          - name: gw
          - name: gw
            namespace: %s
        """;
    Path other = tmp.resolve("other.yaml");
    java.nio.file.Files.writeString(other, route.formatted("infra"));
    // The CRD's rule reads p.__namespace__: two refs to Gateways of one name in two namespaces are
    // two parents.
    Gwc.Run ok = Gwc.run("validate", other.toString());
    assertTrue(
        !ok.err().contains("sectionName must be unique")
            && !ok.out().contains("sectionName must be unique"),
        ok.out());
    Path same = tmp.resolve("same.yaml");
    java.nio.file.Files.writeString(
        same, route.formatted("infra").replace("    namespace: infra\n", ""));
    Gwc.Run bad = Gwc.run("validate", same.toString());
    assertEquals(1, bad.exit());
    assertTrue(bad.out().contains("sectionName must be unique"), bad.out());
    Gwc.Run compiled = Gwc.run("compile", other.toString());
    assertTrue(!compiled.out().contains("__namespace__"), compiled.out());
  }

  @Test
  void version_onEveryCommand_withTheCommit() {
    for (String[] args :
        List.of(
            new String[] {"-V"},
            new String[] {"--version"},
            new String[] {"validate", "-V"},
            new String[] {"simulate", "--version"},
            new String[] {"serve", "-V"})) {
      Gwc.Run run = Gwc.run(args);
      assertEquals(0, run.exit(), String.join(" ", args));
      assertTrue(
          run.out().matches("(?s)gwc \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?( \\([0-9a-f]{7,}\\))?\n.*"),
          String.join(" ", args) + ": " + run.out());
      assertTrue(run.out().contains("bundled Gateway API releases: "), run.out());
    }
  }
}
