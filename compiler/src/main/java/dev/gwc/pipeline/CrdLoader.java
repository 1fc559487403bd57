package dev.gwc.pipeline;

import dev.gwc.diag.Diagnostic;
import dev.gwc.diag.ResourceRef;
import dev.gwc.source.Input;
import dev.gwc.source.Inputs;
import dev.gwc.validate.cel.CelEngine;
import dev.gwc.validate.cel.CompiledRule;
import dev.gwc.validate.schema.Crd;
import dev.gwc.validate.schema.CrdReader;
import dev.gwc.validate.schema.RuleCost;
import dev.gwc.validate.schema.SchemaRules;
import dev.gwc.yaml.LoadResult;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YamlDocument;
import dev.gwc.yaml.YamlLoader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads the user's {@code --crds}: every CRD document in the given files and folders. */
final class CrdLoader {
  private CrdLoader() {}

  /**
   * The CRDs found and the problems with them.
   *
   * @param crds usable CRDs
   * @param diagnostics YAML errors, unusable CRDs and CEL rules that do not compile
   * @param sources the CRD files read, for showing source lines
   */
  record Result(
      List<Crd> crds, List<Diagnostic> diagnostics, List<dev.gwc.source.SourceFile> sources) {}

  static Result load(List<String> paths, CelEngine cel, InputStream stdin) throws IOException {
    List<Crd> crds = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    List<dev.gwc.source.SourceFile> sources = new ArrayList<>();
    for (Input in : Inputs.collect(paths)) {
      LoadResult r = YamlLoader.load(in.name(), in.read(stdin));
      diags.addAll(r.diagnostics());
      if (r.source() != null) {
        sources.add(r.source());
      }
      for (YamlDocument doc : r.documents()) {
        if (!CrdReader.isCrd(doc.root())) {
          continue;
        }
        CrdReader reader = new CrdReader(in.name());
        Crd crd = reader.read((YMap) doc.root());
        diags.addAll(reader.diagnostics());
        diags.addAll(reader.patternProblems());
        if (crd != null) {
          crds.add(crd);
          precompile(crd, cel, diags);
        }
      }
    }
    return new Result(crds, diags, sources);
  }

  /** Compiles every rule up front so that a broken rule is reported once, at its line. */
  private static void precompile(Crd crd, CelEngine cel, List<Diagnostic> diags) {
    for (var v : crd.versions()) {
      if (v.schema() == null) {
        continue;
      }
      diags.addAll(RuleCost.check(v.schema(), cel, crd.kind() + " " + v.name()));
      for (var spec : v.schema().allValidations()) {
        CompiledRule r = cel.compile(spec.rule());
        if (r.compileError() != null && spec.span() != null) {
          diags.add(
              SchemaRules.CRD_INVALID.at(
                  spec.span(),
                  "CEL rule of "
                      + crd.kind()
                      + " "
                      + v.name()
                      + " does not compile: "
                      + r.compileError(),
                  ResourceRef.NONE,
                  null));
        }
      }
    }
  }
}
