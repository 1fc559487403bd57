package dev.gwc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code gwc validate} in-process on input written to hurt it: findings or a clean exit, never a
 * crash, a stack trace or a hang.
 */
class HostileInputTest {
  /** Includes loading the bundled schemas on first use; a hang takes far longer. */
  private static final Duration LIMIT = Duration.ofSeconds(30);

  private static final int DEEP = 20_000;

  @TempDir Path dir;

  /** The hostile files, each expected to give findings (exit 1) or be refused (exit 2). */
  /** An HTTPRoute whose header match is a RegularExpression with the given pattern. */
  private static String regexRoute(String pattern) {
    return "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\n"
        + "spec:\n  rules:\n  - matches:\n    - headers:\n"
        + "      - {name: x, type: RegularExpression, value: \""
        + pattern
        + "\"}\n";
  }

  static Map<String, byte[]> hostile() {
    Map<String, byte[]> files = new TreeMap<>();
    files.put("alias-bomb.yaml", utf8(billionLaughs()));
    files.put("deep-flow-sequence.yaml", utf8("[".repeat(DEEP) + "]".repeat(DEEP) + "\n"));
    files.put("deep-flow-mapping.yaml", utf8("{a: ".repeat(DEEP) + "1" + "}".repeat(DEEP) + "\n"));
    files.put("deep-flow-unclosed.yaml", utf8("[".repeat(DEEP) + "\n"));
    files.put("deep-block-sequence.yaml", utf8("- ".repeat(DEEP) + "x\n"));
    files.put("deep-block-mapping.yaml", utf8(deepBlockMapping(2_000)));
    files.put("recursive-alias.yaml", utf8("a: &a [*a]\n"));
    files.put("deep-regex.yaml", utf8(regexRoute("(".repeat(DEEP) + "a" + ")".repeat(DEEP))));
    files.put("merge-bomb.yaml", utf8(mergeBomb()));
    files.put("binary.yaml", binary());
    files.put("utf16.yaml", "\uFEFFkind: Gateway\n".getBytes(StandardCharsets.UTF_16LE));
    files.put(
        "latin1.yaml",
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: caf\u00e9\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    files.put("control-character.yaml", utf8("apiVersion: v1\nkind: Namespace\u001b[0m\n"));
    files.put("syntax-error.yaml", utf8("apiVersion: v1\nkind: [Namespace\nmetadata: {}\n"));
    files.put("tab-indent.yaml", utf8("apiVersion: v1\nkind: Namespace\nmetadata:\n\tname: x\n"));
    files.put(
        "full-width-colon.yaml", utf8("apiVersion: v1\nkind\uFF1A Namespace\nmetadata: {}\n"));
    files.put("duplicate-keys.yaml", utf8("apiVersion: v1\nkind: Namespace\n".repeat(50_000)));
    files.put("scalar-document.yaml", utf8("just a string\n---\n42\n---\n[1, 2]\n"));
    files.put("long-key.yaml", utf8("k".repeat(100_000) + ": v\n"));
    return files;
  }

  /** Odd but harmless input: read fine, exit 0. */
  static Map<String, byte[]> benign() {
    Map<String, byte[]> files = new TreeMap<>();
    files.put("empty.yaml", new byte[0]);
    files.put("comments-only.yaml", utf8("# nothing\n# here\n"));
    files.put("bom-only.yaml", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    files.put("separators-only.yaml", utf8("---\n".repeat(DEEP)));
    files.put("whitespace-only.yaml", utf8("\n  \n\t\n"));
    files.put("long-line.yaml", utf8(configMap("big", "x".repeat(2 * 1024 * 1024))));
    files.put("crlf-bom.yaml", crlfWithBom());
    // A pattern re2j would expand for seconds, then overflow on: a warning (invalid-regex), exit 0.
    files.put("repetition-bomb-regex.yaml", utf8(regexRoute("((((){64}){64}){64}){64}")));
    return files;
  }

  static Stream<Arguments> hostileFiles() {
    return hostile().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  static Stream<Arguments> benignFiles() {
    return benign().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileFiles")
  void validate_hostileFile_reportsFindingsWithoutCrashing(String name, byte[] content)
      throws IOException {
    Path file = write(name, content);
    Result r = run(file.toString());
    assertTrue(r.code == 1 || r.code == 2, () -> "exit " + r.code + "\n" + r.all());
    assertClean(r);
    assertTrue(r.all().contains(file.toString()), () -> "names the file:\n" + r.head());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("benignFiles")
  void validate_oddButHarmlessFile_exitsZero(String name, byte[] content) throws IOException {
    Path file = write(name, content);
    // Some of these hold no object at all, which is exit 2 unless --allow-empty says it is fine.
    Result r = run("--allow-empty", file.toString());
    assertEquals(0, r.code, r::all);
    assertClean(r);
    Result strict = run(file.toString());
    assertTrue(strict.code == 0 || strict.code == 2, strict::all);
    if (strict.code == 2) {
      assertTrue(strict.all().contains("no manifests found in " + file), strict::all);
    }
  }

  @Test
  void validate_noManifestAtAll_isExit2_unlessAllowed() throws IOException {
    Path comments =
        write(
            "comments.yaml",
            "# nothing here yet\n---\n# still nothing\n".getBytes(StandardCharsets.UTF_8));
    Result r = run(comments.toString());
    assertEquals(2, r.code, r::all);
    assertTrue(r.all().contains("gwc validate: no manifests found in " + comments), r::all);
    assertTrue(r.all().contains("--allow-empty"), r::all);
    Path folder = Files.createDirectories(dir.resolve("no-yaml-here"));
    Files.writeString(folder.resolve("README.md"), "not a manifest\n");
    assertEquals(2, run(folder.toString()).code);
    assertEquals(2, runWithStdin(new ByteArrayInputStream(new byte[0]), "-").code);
    assertEquals(0, run("--allow-empty", folder.toString()).code);
  }

  @Test
  void validate_20kSmallDocuments_readsEveryOneQuickly() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < DEEP; i++) {
      sb.append("---\n").append(configMap("cm-" + i, "v"));
    }
    Path file = write("many-documents.yaml", utf8(sb.toString()));
    Result r = run("--format", "json", file.toString());
    assertEquals(0, r.code, r::head);
    assertClean(r);
    assertTrue(r.out.contains("\"resources\": " + DEEP), r::tail);
  }

  @Test
  void validate_everyHostileFileInOneFolder_reportsFindingsWithoutCrashing() throws IOException {
    for (Map.Entry<String, byte[]> e : hostile().entrySet()) {
      write(e.getKey(), e.getValue());
    }
    for (Map.Entry<String, byte[]> e : benign().entrySet()) {
      write(e.getKey(), e.getValue());
    }
    Result r = run(dir.toString());
    assertTrue(r.code == 1 || r.code == 2, () -> "exit " + r.code + "\n" + r.head());
    assertClean(r);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileFiles")
  void validate_hostileStandardInput_reportsFindingsWithoutCrashing(String name, byte[] content) {
    Result r = runWithStdin(new ByteArrayInputStream(content), "--format", "json", "-");
    assertTrue(r.code == 1 || r.code == 2, () -> name + ": exit " + r.code + "\n" + r.head());
    assertClean(r);
  }

  @Test
  void validate_hostileFileAsSarif_reportsTheLimitRule() throws IOException {
    Path file = write("alias-bomb.yaml", utf8(billionLaughs()));
    Result r = run("--format", "sarif", file.toString());
    assertEquals(1, r.code, r::all);
    assertClean(r);
    assertTrue(r.out.contains("input-limit"), r::head);
  }

  private Path write(String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content);
    return file;
  }

  private static Result run(String... args) {
    return runWithStdin(new ByteArrayInputStream(new byte[0]), args);
  }

  private static Result runWithStdin(InputStream stdin, String... args) {
    String[] full =
        Stream.concat(Stream.of("validate"), Arrays.stream(args)).toArray(String[]::new);
    return assertTimeoutPreemptively(
        LIMIT,
        () -> {
          StringWriter out = new StringWriter();
          StringWriter err = new StringWriter();
          int code;
          try (PrintWriter o = new PrintWriter(out);
              PrintWriter e = new PrintWriter(err)) {
            code = Main.run(full, o, e, stdin);
          }
          return new Result(code, out.toString(), err.toString());
        },
        () -> "gwc " + String.join(" ", full).replace(DEEP + "", "") + " did not finish");
  }

  private static void assertClean(Result r) {
    for (String line : r.all().split("\n", -1)) {
      assertFalse(line.contains("Exception"), () -> "exception in output: " + line);
      assertFalse(line.contains("Error:") && line.contains("java."), () -> "error: " + line);
      assertFalse(line.startsWith("\tat "), () -> "stack trace in output: " + line);
      assertFalse(line.contains("internal error"), () -> "internal error: " + line);
    }
  }

  private record Result(int code, String out, String err) {
    String all() {
      return out + err;
    }

    /** The start of the output, for failure messages (some outputs are megabytes long). */
    String head() {
      String a = all();
      return a.length() > 4000 ? a.substring(0, 4000) + "…" : a;
    }

    String tail() {
      return out.length() > 4000 ? "…" + out.substring(out.length() - 4000) : out;
    }
  }

  private static String configMap(String name, String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
        + name
        + "\ndata:\n  key: "
        + value
        + "\n";
  }

  private static String billionLaughs() {
    StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
    sb.append("l0: &l0 [lol]\n");
    for (int level = 1; level <= 9; level++) {
      sb.append("l").append(level).append(": &l").append(level).append(" [");
      for (int i = 0; i < 9; i++) {
        sb.append(i == 0 ? "" : ", ").append("*l").append(level - 1);
      }
      sb.append("]\n");
    }
    return sb.toString();
  }

  private static String mergeBomb() {
    StringBuilder sb = new StringBuilder("base: &b\n");
    for (int i = 0; i < 20_000; i++) {
      sb.append("  k").append(i).append(": ").append(i).append('\n');
    }
    for (int i = 0; i < 500; i++) {
      sb.append("m").append(i).append(": {<<: *b}\n");
    }
    return sb.toString();
  }

  private static String deepBlockMapping(int depth) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      sb.append(" ".repeat(i)).append("a:\n");
    }
    return sb.toString();
  }

  private static byte[] binary() {
    byte[] bytes = new byte[256 * 1024];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 131 + (i >> 8));
    }
    return bytes;
  }

  private static byte[] crlfWithBom() {
    byte[] text = utf8(configMap("crlf", "v").replace("\n", "\r\n"));
    byte[] out = new byte[text.length + 3];
    out[0] = (byte) 0xEF;
    out[1] = (byte) 0xBB;
    out[2] = (byte) 0xBF;
    System.arraycopy(text, 0, out, 3, text.length);
    return out;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
