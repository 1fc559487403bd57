package dev.gwc.yaml;

import dev.gwc.diag.Diagnostic;
import java.util.List;

/**
 * What the YAML stage produces for one file.
 *
 * @param source the decoded file, or null when it is not text
 * @param documents the documents that could be read, in order
 * @param diagnostics syntax errors, duplicate keys, limits
 */
public record LoadResult(
    dev.gwc.source.SourceFile source, List<YamlDocument> documents, List<Diagnostic> diagnostics) {
  public LoadResult {
    documents = List.copyOf(documents);
    diagnostics = List.copyOf(diagnostics);
  }
}
