package dev.gwc.validate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.validate.cel.CelEngine;
import dev.gwc.validate.cel.CompiledRule;
import dev.gwc.yaml.YMap;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundled CRD loads, and every CEL rule in it compiles in gwc's Kubernetes environment. */
class BundledRulesTest {
  private static final CelEngine CEL = new CelEngine();

  static Stream<Arguments> releasesAndChannels() {
    List<Arguments> out = new ArrayList<>();
    for (String r : Bundle.releases()) {
      out.add(Arguments.of(r, "standard"));
      out.add(Arguments.of(r, "experimental"));
    }
    return out.stream();
  }

  @Test
  void bundle_hasEveryRelease() {
    assertEquals(List.of("1.2.1", "1.3.0", "1.4.1", "1.5.1", "1.6.1"), Bundle.releases());
  }

  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("releasesAndChannels")
  void bundledCrds_loadAndTheirRulesCompile(String release, String channel) {
    List<String> problems = new ArrayList<>();
    int rules = 0;
    List<Bundle.Entry> entries = Bundle.index(release, channel);
    assertFalse(entries.isEmpty());
    for (Bundle.Entry e : entries) {
      CrdReader reader = new CrdReader(e.file());
      Crd crd = reader.read((YMap) Bundle.parse(e.file()));
      assertTrue(reader.diagnostics().isEmpty(), () -> e.file() + ": " + reader.diagnostics());
      for (CrdVersion v : crd.versions()) {
        for (CelRuleSpec spec : v.schema().allValidations()) {
          rules++;
          CompiledRule compiled = CEL.compile(spec.rule());
          if (compiled.compileError() != null) {
            problems.add(
                e.kind() + " " + v.name() + ": " + spec.rule() + " -> " + compiled.compileError());
          }
        }
      }
    }
    assertTrue(rules > 0);
    assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
  }

  @Test
  void coreSchemas_loadAndTheirRulesCompile() {
    for (Bundle.Entry e : Bundle.coreIndex()) {
      CrdReader reader = new CrdReader(e.file());
      Crd crd = reader.read((YMap) Bundle.parse(e.file()));
      for (CrdVersion v : crd.versions()) {
        for (CelRuleSpec spec : v.schema().allValidations()) {
          assertEquals(null, CEL.compile(spec.rule()).compileError(), spec.rule());
        }
      }
    }
  }
}
