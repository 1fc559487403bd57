package dev.gwc.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gwc's SARIF logs against the SARIF 2.1.0 JSON schema, as code-scanning uploaders check them. The
 * schema comes from a registry package (npm's {@code @microsoft/jest-sarif}, which ships it),
 * fetched once into {@code target/sarif-schema}; the test skips, saying why, where npm cannot fetch
 * it.
 */
class SarifSchemaTest {
  private static final String PACKAGE = "@microsoft/jest-sarif@1.0.0-beta.0";
  private static final Path CACHE = Path.of("target/sarif-schema");
  private static final Path SCHEMA = CACHE.resolve("package/lib/schemas/sarif-2.1.0-rtm.5.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonSchema schema;

  @TempDir Path tmp;

  @BeforeAll
  static void fetchSchema() throws Exception {
    if (!Files.isRegularFile(SCHEMA)) {
      Files.createDirectories(CACHE);
      String reason = fetch();
      assumeTrue(reason == null, "the SARIF schema could not be fetched: " + reason);
    }
    try (InputStream in = Files.newInputStream(SCHEMA)) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
  }

  /** npm pack, then tar: null on success, else what failed. */
  private static String fetch() throws InterruptedException {
    for (List<String> command :
        List.of(
            List.of("npm", "pack", "--silent", PACKAGE),
            List.of("sh", "-c", "tar xzf microsoft-jest-sarif-*.tgz"))) {
      try {
        Process p =
            new ProcessBuilder(command)
                .directory(CACHE.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return String.join(" ", command) + " timed out";
        }
        if (p.exitValue() != 0) {
          return String.join(" ", command) + " exited " + p.exitValue();
        }
      } catch (IOException e) {
        return String.join(" ", command) + ": " + e.getMessage();
      }
    }
    return Files.isRegularFile(SCHEMA) ? null : SCHEMA + " is not in the package";
  }

  private static Set<ValidationMessage> problems(String log) throws IOException {
    return schema.validate(JSON.readTree(log));
  }

  @Test
  void everyValidateGoldenInputGivesAValidLog() throws IOException {
    List<Path> inputs = new ArrayList<>();
    try (Stream<Path> s = Files.walk(Gwc.root().resolve("testdata"))) {
      s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().forEach(inputs::add);
    }
    assertTrue(inputs.size() > 30, "inputs: " + inputs.size());
    int withResults = 0;
    for (Path input : inputs) {
      Gwc.Run run = Gwc.run("validate", "--format", "sarif", "--verbose", input.toString());
      assertEquals(Set.of(), problems(run.out()), input + ":\n" + run.out());
      if (run.out().contains("\"ruleId\"")) {
        withResults++;
      }
    }
    assertTrue(withResults > 10, "logs with results: " + withResults);
  }

  @Test
  void theLogOfAnUnreadableOrOddlyNamedInputIsValid() throws IOException {
    Path odd = tmp.resolve("my routes#1 é.yaml");
    Files.writeString(odd, "kind: HTTPRoute\napiVersion: gateway.networking.k8s.io/v1\n", UTF_8);
    for (String path : List.of(tmp.resolve("missing").toString(), odd.toString())) {
      Gwc.Run run = Gwc.run("validate", "--format", "sarif", path);
      assertEquals(Set.of(), problems(run.out()), run.out());
    }
  }

  /** The check itself: a log without a result's message is not valid SARIF. */
  @Test
  void aLogThatBreaksTheSchemaIsCaught() throws IOException {
    Path f = tmp.resolve("route.yaml");
    Files.writeString(f, "kind: HTTPRoute\napiVersion: gateway.networking.k8s.io/v1\n", UTF_8);
    JsonNode log = JSON.readTree(Gwc.run("validate", "--format", "sarif", f.toString()).out());
    ObjectNode result = (ObjectNode) log.get("runs").get(0).get("results").get(0);
    result.remove("message");
    assertFalse(schema.validate(log).isEmpty(), "a result without a message is caught");
  }
}
