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

  /** The string items of a sequence node, in order; any other node gives an empty list. */
  public static List<String> strings(YNode node) {
    List<String> out = new java.util.ArrayList<>();
    if (node instanceof YSeq seq) {
      for (YNode n : seq.items()) {
        if (n instanceof YScalar s && s.value() instanceof String str) {
          out.add(str);
        }
      }
    }
    return out;
  }

  @Override
  public String typeName() {
    return "array";
  }
}
