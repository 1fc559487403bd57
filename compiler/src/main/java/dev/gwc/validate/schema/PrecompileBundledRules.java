package dev.gwc.validate.schema;

import dev.gwc.validate.cel.CelEngine;
import dev.gwc.validate.cel.PrecompiledRules;
import dev.gwc.yaml.YMap;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Build step (run by Maven after compiling): parses and type-checks every CEL rule of every bundled
 * CRD once and writes the results where {@link PrecompiledRules} finds them in the jar.
 *
 * <p>Usage: {@code PrecompileBundledRules OUTPUT_FILE}.
 */
public final class PrecompileBundledRules {
  private PrecompileBundledRules() {}

  public static void main(String[] args) throws IOException {
    CelEngine cel = new CelEngine();
    Map<String, byte[]> compiled = new TreeMap<>();
    int failed = 0;
    List<Bundle.Entry> entries = new ArrayList<>(Bundle.coreIndex());
    for (String release : Bundle.releases()) {
      entries.addAll(Bundle.index(release, "standard"));
      entries.addAll(Bundle.index(release, "experimental"));
    }
    for (Bundle.Entry e : entries) {
      Crd crd = new CrdReader(e.file()).read((YMap) Bundle.parse(e.file()));
      for (CrdVersion v : crd.versions()) {
        if (v.schema() == null) {
          continue;
        }
        for (CelRuleSpec spec : v.schema().allValidations()) {
          if (compiled.containsKey(spec.rule())) {
            continue;
          }
          byte[] bytes = cel.checkedBytes(spec.rule());
          if (bytes == null) {
            failed++;
          } else {
            compiled.put(spec.rule(), bytes);
          }
        }
      }
    }
    Path out = Path.of(args[0]);
    Files.createDirectories(out.getParent());
    try (OutputStream os = Files.newOutputStream(out)) {
      PrecompiledRules.write(compiled, os);
    }
    if (failed > 0) {
      throw new IllegalStateException(
          failed + " bundled CEL rules do not compile; see BundledRulesTest");
    }
  }
}
