package dev.gwc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gwc.cli.Main;
import dev.gwc.diag.Rule;
import dev.gwc.graph.GraphRules;
import dev.gwc.pipeline.RuleCatalog;
import dev.gwc.resource.ResourceRules;
import dev.gwc.rules.ResourceChecks;
import dev.gwc.source.SourceFile;
import dev.gwc.validate.ValidateRules;
import dev.gwc.validate.schema.SchemaRules;
import dev.gwc.yaml.LoadResult;
import dev.gwc.yaml.Plain;
import dev.gwc.yaml.YamlLoader;
import dev.gwc.yaml.YamlRules;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code rules/} and {@link RuleCatalog} in sync, and runs every entry's examples through
 * {@code gwc validate --format json} in-process: the failing example must report the entry's rule,
 * the passing one must not. The entry format is described in {@code rules/README.md}.
 */
class RuleCatalogTest {
  private static final Set<String> SEVERITIES = Set.of("error", "warning", "info");
  private static final List<String> FIELDS = List.of("Severity", "Stage", "Specification", "Flags");
  private static final List<String> SECTIONS =
      List.of("Failing example", "Failing bytes", "Failing CRD", "Passing example", "Passing CRD");

  @TempDir Path tmp;

  // ---------------------------------------------------------------- catalog and folder in sync

  @Test
  void catalog_hasNoDuplicateIds() {
    Set<String> seen = new HashSet<>();
    List<String> duplicates = new ArrayList<>();
    for (Rule r : RuleCatalog.all()) {
      if (!seen.add(r.id())) {
        duplicates.add(r.id());
      }
    }
    assertTrue(duplicates.isEmpty(), () -> "duplicate rule ids: " + duplicates);
  }

  @Test
  void everyRule_hasAnEntry() throws IOException {
    Set<String> documented = entries().keySet();
    List<String> missing = new ArrayList<>();
    for (Rule r : RuleCatalog.all()) {
      if (!documented.contains(r.id())) {
        missing.add("rules/" + r.id() + ".md");
      }
    }
    assertTrue(missing.isEmpty(), () -> "undocumented rules, write: " + missing);
  }

  @Test
  void everyEntry_documentsARule() throws IOException {
    List<String> orphans = new ArrayList<>();
    for (String id : entries().keySet()) {
      if (RuleCatalog.find(id) == null) {
        orphans.add("rules/" + id + ".md");
      }
    }
    assertTrue(orphans.isEmpty(), () -> "entries for rules the code does not have: " + orphans);
  }

  @Test
  void everyEntry_agreesWithItsRule() throws IOException {
    Map<String, Set<String>> stages = stagesByRule();
    List<String> problems = new ArrayList<>();
    for (Entry e : entries().values()) {
      Rule rule = RuleCatalog.find(e.id());
      if (rule == null) {
        continue; // everyEntry_documentsARule reports it
      }
      if (!e.severity().equals(rule.severity().label())) {
        problems.add(
            e.id() + ": Severity " + e.severity() + ", the code says " + rule.severity().label());
      }
      if (!stages.get(e.id()).contains(e.stage())) {
        problems.add(e.id() + ": Stage " + e.stage() + ", expected one of " + stages.get(e.id()));
      }
    }
    assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
  }

  @Test
  void readmeIndex_listsEveryRuleWithItsSeverity() throws IOException {
    Map<String, String> listed = new LinkedHashMap<>();
    for (String line : Files.readAllLines(rulesDir().resolve("README.md"), UTF_8)) {
      // | [`id`](id.md) | severity | summary |
      if (line.startsWith("| [`")) {
        String[] cells = line.split("\\|");
        String id = cells[1].substring(cells[1].indexOf('`') + 1, cells[1].lastIndexOf('`'));
        listed.put(id, cells[2].strip());
      }
    }
    Map<String, String> expected = new LinkedHashMap<>();
    for (Rule r : RuleCatalog.all()) {
      expected.put(r.id(), r.severity().label());
    }
    assertEquals(sorted(expected).toString(), sorted(listed).toString());
  }

  // ---------------------------------------------------------------- the examples run

  @TestFactory
  Stream<DynamicTest> failingExample_reportsItsRule() throws IOException {
    return entries().values().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.id(),
                    () -> {
                      Path dir = Files.createDirectories(tmp.resolve(e.id() + "-failing"));
                      Run run = validate(dir, e, e.failingBytes(), e.failingCrd());
                      assertNotEquals(2, run.exit(), () -> e.id() + ": gwc failed\n" + run);
                      assertTrue(
                          run.rules().contains(e.id()),
                          () -> "the failing example of " + e.id() + " did not report it\n" + run);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> passingExample_doesNotReportItsRule() throws IOException {
    return entries().values().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.id(),
                    () -> {
                      Path dir = Files.createDirectories(tmp.resolve(e.id() + "-passing"));
                      byte[] passing = e.passing().getBytes(UTF_8);
                      Run run = validate(dir, e, passing, e.passingCrd());
                      assertNotEquals(2, run.exit(), () -> e.id() + ": gwc failed\n" + run);
                      assertFalse(
                          run.rules().contains(e.id()),
                          () -> "the passing example of " + e.id() + " reported it\n" + run);
                    }));
  }

  /** What one in-process run printed. */
  private record Run(List<String> args, int exit, String out, String err) {
    /** The rule ids of the diagnostics in the JSON output. */
    @SuppressWarnings("unchecked")
    List<String> rules() {
      LoadResult r = YamlLoader.load(new SourceFile("out.json", out));
      assertTrue(r.diagnostics().isEmpty(), () -> "output is not JSON: " + r.diagnostics());
      Map<String, Object> json = (Map<String, Object>) Plain.of(r.documents().get(0).root());
      List<String> rules = new ArrayList<>();
      for (Object d : (List<Object>) json.get("diagnostics")) {
        rules.add((String) ((Map<String, Object>) d).get("rule"));
      }
      return rules;
    }

    @Override
    public String toString() {
      return "gwc " + String.join(" ", args) + "\nexit " + exit + "\n" + out + err;
    }
  }

  /** Writes the example (and CRD) to {@code dir} and runs {@code gwc validate} on it. */
  private static Run validate(Path dir, Entry e, byte[] manifest, String crd) throws IOException {
    Path file = Files.write(dir.resolve(e.id() + ".yaml"), manifest);
    List<String> args = new ArrayList<>(List.of("validate", "--format", "json"));
    if (crd != null) {
      Path crdFile = Files.writeString(dir.resolve(e.id() + "-crd.yaml"), crd, UTF_8);
      args.add("--crds");
      args.add(crdFile.toString());
    }
    args.addAll(e.flags());
    args.add(file.toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Main.run(
            args.toArray(new String[0]),
            new PrintWriter(out),
            new PrintWriter(err),
            new ByteArrayInputStream(new byte[0]));
    return new Run(args, exit, out.toString(), err.toString());
  }

  // ---------------------------------------------------------------- reading rules/*.md

  /**
   * One {@code rules/<id>.md}.
   *
   * @param id the id in its title, which is also its file name
   * @param severity the Severity line
   * @param stage the Stage line
   * @param flags the Flags line split at spaces, or empty
   * @param failing the failing example: YAML text, or hex digits when {@code failingIsHex}
   * @param failingIsHex whether the failing example came from a {@code ## Failing bytes} block
   * @param failingCrd the Failing CRD block, or null
   * @param passing the passing example
   * @param passingCrd the Passing CRD block, or null
   */
  private record Entry(
      String id,
      String severity,
      String stage,
      List<String> flags,
      String failing,
      boolean failingIsHex,
      String failingCrd,
      String passing,
      String passingCrd) {
    /** The bytes of the failing example's file. */
    byte[] failingBytes() {
      return failingIsHex ? hex("rules/" + id + ".md", failing) : failing.getBytes(UTF_8);
    }
  }

  private static Path rulesDir() {
    String root = System.getProperty("gwc.root");
    Path base = root != null ? Path.of(root) : Path.of("..");
    return base.resolve("rules").toAbsolutePath().normalize();
  }

  /** Every entry by id, in file name order. */
  private static Map<String, Entry> entries() throws IOException {
    Map<String, Entry> out = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(rulesDir())) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".md") && !name.equals("README.md")) {
          Entry e = parse(name.substring(0, name.length() - 3), Files.readString(f, UTF_8));
          out.put(e.id(), e);
        }
      }
    }
    return out;
  }

  private static Entry parse(String fileId, String text) {
    List<String> lines = text.lines().toList();
    String where = "rules/" + fileId + ".md";
    if (lines.isEmpty() || !lines.get(0).equals("# " + fileId)) {
      fail(where + ": the first line must be '# " + fileId + "'");
    }
    // The metadata list: the first run of "- Key: value" lines after the title.
    Map<String, String> fields = new LinkedHashMap<>();
    int i = 1;
    while (i < lines.size() && lines.get(i).isBlank()) {
      i++;
    }
    for (; i < lines.size() && lines.get(i).startsWith("- "); i++) {
      String line = lines.get(i);
      int colon = line.indexOf(": ");
      String key = colon < 0 ? line : line.substring(2, colon);
      if (!FIELDS.contains(key) || fields.containsKey(key)) {
        fail(where + ": '" + line + "' is not one of the lines " + FIELDS);
      }
      fields.put(key, line.substring(colon + 2).strip());
    }
    // The sections: the first code block under each "## " heading.
    Map<String, String> blocks = new LinkedHashMap<>();
    String section = null;
    StringBuilder block = null;
    for (String line : lines.subList(i, lines.size())) {
      if (block != null) {
        if (line.equals("```")) {
          blocks.putIfAbsent(section, block.toString());
          block = null;
        } else {
          block.append(line).append('\n');
        }
      } else if (line.startsWith("## ")) {
        section = line.substring(3).strip();
        if (!SECTIONS.contains(section)) {
          fail(where + ": unknown section '" + line + "'; sections are " + SECTIONS);
        }
      } else if (line.startsWith("```") && section != null) {
        block = new StringBuilder();
      }
    }
    if (block != null) {
      fail(where + ": unclosed code block in '## " + section + "'");
    }
    for (String required : List.of("Severity", "Stage", "Specification")) {
      if (!fields.containsKey(required)) {
        fail(where + ": missing '- " + required + ": ...'");
      }
    }
    if (!SEVERITIES.contains(fields.get("Severity"))) {
      fail(where + ": Severity must be one of " + SEVERITIES);
    }
    String failingYaml = blocks.get("Failing example");
    String failingHex = blocks.get("Failing bytes");
    if ((failingYaml == null) == (failingHex == null)) {
      fail(where + ": needs exactly one of '## Failing example' and '## Failing bytes'");
    }
    if (blocks.get("Passing example") == null) {
      fail(where + ": needs a '## Passing example' with a code block");
    }
    if (failingHex != null) {
      hex(where, failingHex); // fails on a malformed block
    }
    String flags = fields.getOrDefault("Flags", "");
    return new Entry(
        fileId,
        fields.get("Severity"),
        fields.get("Stage"),
        flags.isBlank() ? List.of() : List.of(flags.strip().split(" +")),
        failingYaml != null ? failingYaml : failingHex,
        failingYaml == null,
        blocks.get("Failing CRD"),
        blocks.get("Passing example"),
        blocks.get("Passing CRD"));
  }

  /** Two hex digits per byte, separated by white space; '#' starts a comment to the line's end. */
  private static byte[] hex(String where, String text) {
    List<Byte> bytes = new ArrayList<>();
    for (String line : text.lines().toList()) {
      int hash = line.indexOf('#');
      String data = hash < 0 ? line : line.substring(0, hash);
      for (String token : data.strip().split("\\s+")) {
        if (token.isEmpty()) {
          continue;
        }
        if (!token.matches("[0-9a-fA-F]{2}")) {
          fail(where + ": '" + token + "' in '## Failing bytes' is not a byte in hex");
        }
        bytes.add((byte) Integer.parseInt(token, 16));
      }
    }
    byte[] out = new byte[bytes.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = bytes.get(i);
    }
    return out;
  }

  /** The Stage lines each rule may have, by the pipeline stage that declares it. */
  private static Map<String, Set<String>> stagesByRule() {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    YamlRules.all().forEach(r -> out.put(r.id(), Set.of("yaml")));
    ResourceRules.all().forEach(r -> out.put(r.id(), Set.of("resource")));
    ValidateRules.all().forEach(r -> out.put(r.id(), Set.of("validate")));
    SchemaRules.all().forEach(r -> out.put(r.id(), Set.of("schema", "cel")));
    ResourceChecks.rules().forEach(r -> out.put(r.id(), Set.of("rules")));
    GraphRules.all().forEach(r -> out.put(r.id(), Set.of("graph")));
    for (Rule r : RuleCatalog.all()) {
      out.putIfAbsent(
          r.id(), Set.of("yaml", "resource", "validate", "schema", "cel", "rules", "graph"));
    }
    return out;
  }

  private static Set<Map.Entry<String, String>> sorted(Map<String, String> m) {
    TreeSet<Map.Entry<String, String>> out = new TreeSet<>(Map.Entry.comparingByKey());
    out.addAll(m.entrySet());
    return out;
  }
}
