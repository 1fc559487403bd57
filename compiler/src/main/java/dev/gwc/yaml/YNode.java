package dev.gwc.yaml;

import dev.gwc.source.SourceSpan;

/**
 * A node of a parsed YAML or JSON document that remembers where it came from. Scalars are resolved
 * the way kubectl reads YAML; {@link Plain} gives the plain Java value of any node.
 */
public sealed interface YNode permits YMap, YSeq, YScalar {
  /** Where the node starts. */
  SourceSpan span();

  /** Short type name for messages: object, array, string, integer, number, boolean, null. */
  String typeName();
}
