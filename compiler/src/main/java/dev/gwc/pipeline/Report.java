package dev.gwc.pipeline;

import dev.gwc.diag.Diagnostics;
import dev.gwc.source.SourceFile;
import java.util.Map;

/**
 * What validation produced.
 *
 * @param diagnostics every finding, sorted
 * @param files how many input files were read
 * @param resources how many resources they held
 * @param sources the decoded text of each file by name, for showing source lines
 */
public record Report(
    Diagnostics diagnostics, int files, int resources, Map<String, SourceFile> sources) {
  public Report {
    sources = Map.copyOf(sources);
  }
}
