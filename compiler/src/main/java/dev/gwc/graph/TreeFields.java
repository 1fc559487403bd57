package dev.gwc.graph;

import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import dev.gwc.yaml.YScalar;
import dev.gwc.yaml.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Null-safe reads from the positioned tree, for building the graph from schema-checked objects. */
final class TreeFields {
  private TreeFields() {}

  static YMap map(YNode n, String key) {
    return n instanceof YMap m && m.get(key) instanceof YMap v ? v : null;
  }

  static List<YNode> list(YNode n, String key) {
    return n instanceof YMap m && m.get(key) instanceof YSeq s ? s.items() : List.of();
  }

  static String str(YNode n, String key) {
    return n instanceof YMap m ? m.string(key) : null;
  }

  static String str(YNode n, String key, String dflt) {
    String s = str(n, key);
    return s == null ? dflt : s;
  }

  static Integer integer(YNode n, String key) {
    return n instanceof YMap m && m.get(key) instanceof YScalar s && s.value() instanceof Long l
        ? (int) (long) l
        : null;
  }

  static List<String> strings(YNode n, String key) {
    List<String> out = new ArrayList<>();
    for (YNode item : list(n, key)) {
      if (item instanceof YScalar s && s.value() instanceof String str) {
        out.add(str);
      }
    }
    return out;
  }

  /**
   * A childless stand-in at a node's position: the graph keeps positions of references and matches,
   * not their subtrees, so that parsed documents need not outlive their file's stage.
   */
  static YNode anchor(YNode n) {
    return n == null ? null : new YScalar(n.span(), "", "", true);
  }

  static Map<String, String> stringMap(YNode n, String key) {
    Map<String, String> out = new LinkedHashMap<>();
    YMap m = map(n, key);
    if (m != null) {
      for (var e : m.entries()) {
        if (e.value() instanceof YScalar s && !s.isNull()) {
          out.put(e.name(), s.text());
        }
      }
    }
    return out;
  }
}
