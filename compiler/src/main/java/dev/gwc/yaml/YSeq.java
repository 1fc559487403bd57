package dev.gwc.yaml;

import dev.gwc.source.SourceSpan;
import java.util.List;

/**
 * A sequence.
 *
 * @param span where the sequence starts
 * @param items the items in order
 */
public record YSeq(SourceSpan span, List<YNode> items) implements YNode {
  public YSeq {
    items = List.copyOf(items);
  }

  @Override
  public String typeName() {
    return "array";
  }
}
