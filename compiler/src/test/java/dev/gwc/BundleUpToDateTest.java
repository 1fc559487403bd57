package dev.gwc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gwc.schemas.SchemaBundler;
import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed schema bundle ({@code schemas/bundle}, what the build packages) is what the
 * upstream CRDs beside the checkout give today: regenerated into a temporary folder, every file
 * must be the same. Fix a failure with {@code mvn -B -Dgwc.regenerate install -pl schemas}.
 * Skipped, with the reason, where {@code ../shared} is not there (a fresh clone).
 */
class BundleUpToDateTest {
  @TempDir Path tmp;

  @Test
  void committedBundle_isWhatTheUpstreamCrdsGive() throws IOException {
    Path shared = Gwc.shared();
    Path bundle = Gwc.root().resolve("schemas/bundle");
    SchemaBundler.main(
        new String[] {
          shared.resolve("gateway-api").toString(),
          String.join(",", dev.gwc.validate.schema.Bundle.releases()),
          Gwc.root().resolve("schemas/src/main/core").toString(),
          tmp.toString(),
          shared.resolve("istio").toString(),
          String.join(",", dev.gwc.validate.schema.Bundle.istioReleases())
        });
    List<String> expected = files(tmp);
    assertEquals(expected, files(bundle), "the files of the bundle");
    for (String f : expected) {
      assertEquals(
          Files.readString(tmp.resolve(f)),
          Files.readString(bundle.resolve(f)),
          f + " is stale: mvn -B -Dgwc.regenerate install -pl schemas");
    }
  }

  private static List<String> files(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile).forEach(p -> out.add(dir.relativize(p).toString()));
    }
    out.sort(null);
    return out;
  }
}
