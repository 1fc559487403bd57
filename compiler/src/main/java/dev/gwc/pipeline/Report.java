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
 * @param timings how long the stages took
 * @param replaced objects of a converted input left out because another input defines them, as
 *     {@code Kind 'namespace/name'}
 */
public record Report(
    Diagnostics diagnostics,
    int files,
    int resources,
    Map<String, SourceFile> sources,
    List<Compiled> compiled,
    Resolution resolution,
    Timings timings,
    List<String> replaced) {

  /**
   * Wall time per part of the pipeline, for {@code --timings} and the benchmarks.
   *
   * @param filesNanos reading, YAML, schema and CEL (per file, in parallel)
   * @param graphNanos the graph, its resolution and the cross-resource rules
   */
  public record Timings(long filesNanos, long graphNanos) {}

  public Report {
    sources = Map.copyOf(sources);
    compiled = List.copyOf(compiled);
    replaced = List.copyOf(replaced);
  }
}
