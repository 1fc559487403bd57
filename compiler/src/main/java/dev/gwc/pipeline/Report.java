package dev.gwc.pipeline;

import dev.gwc.diag.Diagnostics;
import dev.gwc.graph.Resolution;
import dev.gwc.source.SourceFile;
import java.util.List;
import java.util.Map;

/**
 * What a run produced.
 *
 * @param diagnostics every finding, sorted
 * @param files how many input files were read
 * @param resources how many resources they held
 * @param sources the decoded text of each file by name, for showing source lines
 * @param compiled every resource a schema applied to, with CRD defaults applied, in input order
 * @param resolution what a conformant controller concludes about them
 */
public record Report(
    Diagnostics diagnostics,
    int files,
    int resources,
    Map<String, SourceFile> sources,
    List<Compiled> compiled,
    Resolution resolution) {
  public Report {
    sources = Map.copyOf(sources);
    compiled = List.copyOf(compiled);
  }
}
