package dev.gwc.yaml;

import dev.gwc.source.SourceFile;

/**
 * One document of a YAML stream (or one JSON file).
 *
 * @param source the file it came from
 * @param index 0-based index of the document in the file
 * @param root the root node; null when the document is empty
 */
public record YamlDocument(SourceFile source, int index, YNode root) {}
