package dev.gwc.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link BlockReader} against snakeyaml-engine: wherever the block reader reads a document, the
 * nodes, positions and diagnostics must be the ones the full path gives; where the text is not in
 * its subset, or is malformed, it must give up.
 */
class YamlReadersTest {
  private static final List<Path> ROOTS =
      List.of(
          Path.of("../../shared/conformance"),
          Path.of("../../shared/examples"),
          Path.of("../../shared/gateway-api-examples"),
          Path.of("../../shared/gateway-api/v1.6.1/standard"),
          Path.of("../testdata"),
          Path.of("../examples"));

  private static List<Path> manifests() {
    List<Path> files = new ArrayList<>();
    for (Path root : ROOTS) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
            .sorted()
            .forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertSame(String name, String text) {
    SourceFile source = new SourceFile(name, text);
    LoadResult composed = YamlLoader.loadComposed(source);
    LoadResult read = YamlLoader.load(source);
    assertEquals(composed.documents(), read.documents(), name + ":\n" + text);
    assertEquals(composed.diagnostics(), read.diagnostics(), name + ":\n" + text);
  }

  /** How many of a text's documents the block reader reads, counted by splitting at ---. */
  private static int[] coverage(String text) {
    int read = 0;
    int all = 0;
    for (String part : text.split("(?m)^(?=---(\\s|$))")) {
      if (part.isBlank()) {
        continue;
      }
      all++;
      if (BlockReader.read("f", 0, 0, part) != null) {
        read++;
      }
    }
    return new int[] {read, all};
  }

  @Test
  void everyManifestReadsAlikeAndMostAreReadByTheBlockReader() {
    List<Path> files = manifests();
    dev.gwc.testing.Gwc.shared(); // the count below is of the shared corpora: skips without them
    assertTrue(files.size() > 100, "manifests found: " + files.size());
    int read = 0;
    int all = 0;
    for (Path p : files) {
      String text = read(p);
      assertSame(p.toString(), text);
      int[] c = coverage(text);
      read += c[0];
      all += c[1];
    }
    // The conformance and example manifests are nearly all plain block style; the CRDs are not
    // (block scalars). If this drops, the block reader gives up where it should not.
    assertTrue(read * 10 > all * 6, read + " of " + all + " documents read by the block reader");
  }

  /** The committed schema bundle: JSON, one value per file. */
  private static List<Path> bundledJson() {
    try (Stream<Path> s = Files.walk(Path.of("../schemas/bundle"))) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyBundledSchemaReadsAlikeAndByTheJsonReader() {
    List<Path> files = bundledJson();
    assertTrue(files.size() > 40, "bundle files: " + files.size());
    for (Path p : files) {
      String text = read(p);
      assertSame(p.toString(), text);
      assertNotNull(JsonReader.read("f", 0, 0, text), p + " is read by the JSON reader");
    }
    // Laid out over lines, as a person writes JSON: the positions must still agree.
    String pretty = "{\n  \"a\": [\n    1,\n    {\"b\": \"x\\u00e9\\n\"}\n  ],\n  \"c\": null\n}\n";
    assertSame("pretty", pretty);
    assertNotNull(JsonReader.read("f", 0, 0, pretty));
  }

  /** Random edits of JSON: the JSON reader reads alike or gives up. */
  @Test
  void mutatedJsonReadsAlikeOrGoesToTheFullPath() {
    List<String> docs = new ArrayList<>();
    for (Path p : bundledJson()) {
      String text = read(p);
      if (text.length() < 6000) {
        docs.add(text.replace(",\"", ",\n  \""));
      }
    }
    assertTrue(docs.size() > 5, "documents: " + docs.size());
    String[] snippets = {
      "\"",
      "\\",
      "\\u12",
      "\\ud800",
      ",",
      ":",
      "{",
      "}",
      "[",
      "]",
      " ",
      "\n",
      "\t",
      "1e5",
      "-0",
      "01",
      "1.",
      "true",
      "nul",
      "\"<<\": 1, ",
      "\"k\": 1, \"k\": 2, ",
      "#",
      "é",
      "'",
      "!x "
    };
    Random random = new Random(Long.getLong("seed", 11));
    int accepted = 0;
    int rounds = Integer.getInteger("rounds", 3000);
    for (int round = 0; round < rounds; round++) {
      StringBuilder sb = new StringBuilder(docs.get(random.nextInt(docs.size())));
      for (int e = 1 + random.nextInt(2); e > 0; e--) {
        int at = random.nextInt(sb.length());
        if (random.nextInt(3) == 0) {
          sb.deleteCharAt(at);
        } else {
          sb.insert(at, snippets[random.nextInt(snippets.length)]);
        }
      }
      String text = sb.toString();
      assertSame("json mutation " + round, text);
      if (JsonReader.read("f", 0, 0, text) != null) {
        accepted++;
      }
    }
    assertTrue(accepted > rounds / 10, "accepted " + accepted);
  }

  private static final String ALPHABET =
      ":-#\"' \n{}[]&*!|>?,%@`\\ax0.\t\ré４\u00a0\u3000\uff1a\u0085\u2028";

  /**
   * Random edits of real manifests: the block reader must never read what the full path reads
   * otherwise (or rejects).
   */
  @Test
  void mutatedManifestsReadAlikeOrGoToTheFullPath() {
    List<String> docs = new ArrayList<>();
    for (Path p : manifests()) {
      for (String part : read(p).split("(?m)^(?=---(\\s|$))")) {
        if (!part.isBlank() && part.length() < 4000 && BlockReader.read("f", 0, 0, part) != null) {
          docs.add(part);
        }
      }
    }
    assertTrue(docs.size() > 100, "documents: " + docs.size());
    Random random = new Random(Long.getLong("seed", 7));
    int accepted = 0;
    // -Drounds=100000 -Dseed=N (surefire's argLine) for a deeper run by hand.
    int rounds = Integer.getInteger("rounds", 6000);
    for (int round = 0; round < rounds; round++) {
      String text = mutate(docs.get(random.nextInt(docs.size())), random);
      assertSame("mutation " + round, text);
      if (BlockReader.read("f", 0, 0, text) != null) {
        accepted++;
      }
    }
    // Many edits keep a document valid; a block reader that gave up on all of them would not be
    // tested by this.
    assertTrue(accepted > rounds / 5, "accepted " + accepted);
  }

  private static String mutate(String text, Random random) {
    StringBuilder sb = new StringBuilder(text);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && sb.length() > 0; e++) {
      int at = random.nextInt(sb.length());
      switch (random.nextInt(6)) {
        case 0 -> sb.deleteCharAt(at);
        case 1 -> sb.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        case 2 -> sb.insert(at, ' ');
        case 3 -> {
          int lineStart = sb.lastIndexOf("\n", at) + 1;
          if (random.nextBoolean()) {
            sb.insert(lineStart, ' ');
          } else if (sb.length() > lineStart && sb.charAt(lineStart) == ' ') {
            sb.deleteCharAt(lineStart);
          }
        }
        case 4 -> {
          int lineStart = sb.lastIndexOf("\n", at) + 1;
          int lineEnd = sb.indexOf("\n", at);
          if (lineEnd > 0) {
            sb.insert(lineStart, sb.substring(lineStart, lineEnd + 1));
          }
        }
        default -> {
          String[] snippets = {
            ": x",
            "- ",
            "# c",
            "\"a\\\"b\"",
            "'it''s'",
            "{}",
            "[]",
            "&a ",
            "*a",
            "!!str ",
            "<<: ",
            "? ",
            "|\n",
            "x: y: z",
            "\\u00e9",
            "---\n",
            "...\n",
            "\"\\x41\"",
            "- - a",
            "yes",
            "0x1F",
            "~",
            "1e3",
            "-1",
            "'",
            "\""
          };
          sb.insert(at, snippets[random.nextInt(snippets.length)]);
        }
      }
    }
    return sb.toString();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a: 1\nb:\n  - x\n  - y: 2\n    z: []\nc: {}\n",
        "a:\n- 1\n- 2\nb: ~\n",
        "# only a comment\n",
        "---\na: 'it''s'\nb: \"tab\\tand \\u00e9\"\n",
        "a: b # comment\n  # indented comment\nc:   d   \n",
        "a:\nb:\n",
        "- \n- a\n-\n",
        "a: 1\na: 2\n",
        "\"quoted key\": v\n'single': w\n",
        "k: -1\nl: -x\nm: a:b\nn: http://x/y#z\n",
        "k: 0755\nl: on\nm: 1_000\nn: .inf\n",
      })
  void smallDocumentsReadAlikeByTheBlockReader(String text) {
    assertNotNull(BlockReader.read("f", 0, 0, text), text);
    assertSame("in.yaml", text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: |\n  text\n",
        "a: b\n  continued\n",
        "a: [1, 2]\n",
        "a:\tb\n",
        "a: b\r\n",
        "<<: {a: 1}\n",
        "? a\n: b\n",
        "a: b: c\n",
        "- - a\n",
        "a: 'open\n",
        "a:\n  b: 1\n c: 2\n",
        "%YAML 1.2\n---\na: 1\n",
        "---\n",
        "a: 1\n...\n",
        "a: \"\\N\"\n",
        "a: \"\\x４１\"\n",
      })
  void otherShapesGoToTheFullPath(String text) {
    assertNull(BlockReader.read("f", 0, 0, text), text);
    assertSame("in.yaml", text);
  }
}
