package dev.gwc.yaml;

import java.util.ArrayList;
import java.util.List;

/** Converts nodes to plain Java values (maps, lists, scalars; {@link YScalar#NULL} for null). */
public final class Plain {
  private Plain() {}

  /** The plain value of a node. */
  public static Object of(YNode node) {
    if (node instanceof YScalar s) {
      return s.value();
    } else if (node instanceof YMap m) {
      return m.toPlain();
    }
    YSeq seq = (YSeq) node;
    List<Object> list = new ArrayList<>(seq.items().size());
    for (YNode item : seq.items()) {
      list.add(of(item));
    }
    return list;
  }
}
