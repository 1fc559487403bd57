package dev.gwc.source;

/**
 * Where something is in the input: a file as given on the command line, the index of the YAML
 * document in it, and a 1-based line and column. Zero means unknown; renderers leave unknown parts
 * out.
 *
 * @param file the path as the user gave it, or {@code -} for standard input
 * @param document 0-based index of the YAML document in the file
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column in code points, 0 when unknown
 */
public record SourceSpan(String file, int document, int line, int column) {
  public SourceSpan {
    if (file == null) {
      throw new IllegalArgumentException("file must not be null");
    }
    if (line < 0 || column < 0 || document < 0) {
      throw new IllegalArgumentException("negative position " + line + ":" + column);
    }
  }

  /** Whether the line is known. */
  public boolean hasLine() {
    return line > 0;
  }
}
