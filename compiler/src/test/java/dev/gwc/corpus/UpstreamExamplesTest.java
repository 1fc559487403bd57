package dev.gwc.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.source.SourceFile;
import dev.gwc.testing.Gwc;
import dev.gwc.yaml.Plain;
import dev.gwc.yaml.YamlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Gateway API project's own examples: every valid one validates without errors under its
 * channel, and every invalid one is rejected with an error on the resource it is about.
 */
class UpstreamExamplesTest {
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> index() throws IOException {
    Path index = Gwc.shared().resolve("gateway-api-examples/index.json");
    String text = Files.readString(index, StandardCharsets.UTF_8);
    return (List<Map<String, Object>>)
        Plain.of(YamlLoader.load(new SourceFile("index.json", text)).documents().get(0).root());
  }

  @TestFactory
  Stream<DynamicTest> upstreamExample_validatesAsExpected() throws IOException {
    Path dir = Gwc.shared().resolve("gateway-api-examples");
    return index().stream()
        .map(
            entry ->
                DynamicTest.dynamicTest(
                    entry.get("file") + " is " + entry.get("expect"),
                    () -> check(dir.resolve((String) entry.get("file")), entry)));
  }

  @SuppressWarnings("unchecked")
  private static void check(Path file, Map<String, Object> entry) {
    Gwc.Run run =
        Gwc.run(
            "validate",
            "--format",
            "json",
            "--channel",
            (String) entry.get("channel"),
            file.toString());
    List<Map<String, Object>> errors =
        run.diagnostics().stream().filter(d -> "error".equals(d.get("severity"))).toList();
    if (entry.get("expect").equals("valid")) {
      assertTrue(errors.isEmpty(), () -> "unexpected errors: " + errors);
      assertEquals(0, run.exit(), run.err());
    } else {
      assertFalse(errors.isEmpty(), "an invalid example must be rejected");
      assertEquals(1, run.exit());
      List<String> kinds =
          ((List<String>) entry.get("kinds"))
              .stream().map(k -> k.substring(k.lastIndexOf('/') + 1)).toList();
      assertTrue(
          errors.stream().anyMatch(d -> kinds.contains(d.get("kind"))),
          () -> "no error on a " + kinds + ": " + errors);
    }
  }
}
