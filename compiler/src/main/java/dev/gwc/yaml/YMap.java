package dev.gwc.yaml;

import dev.gwc.source.SourceSpan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapping, in source order, with unique keys (the loader reports duplicates and keeps the last).
 *
 * @param span where the mapping starts
 * @param entries the entries in source order
 */
public record YMap(SourceSpan span, List<YEntry> entries) implements YNode {
  public YMap {
    entries = List.copyOf(entries);
  }

  /** The entry with this key, or null. */
  public YEntry entry(String key) {
    // By index: a for-each allocates an iterator per lookup, and the C1 compiler gwc runs with does
    // not remove it (tens of MB on a large validation).
    for (int i = 0; i < entries.size(); i++) {
      YEntry e = entries.get(i);
      if (e.name().equals(key)) {
        return e;
      }
    }
    return null;
  }

  /** The value under this key, or null. */
  public YNode get(String key) {
    YEntry e = entry(key);
    return e == null ? null : e.value();
  }

  /** The string under this key, or null when absent or not a string. */
  public String string(String key) {
    return get(key) instanceof YScalar s && s.value() instanceof String str ? str : null;
  }

  @Override
  public String typeName() {
    return "object";
  }

  /** Plain Java view: keys to plain values (nested maps and lists are built on demand). */
  public Map<String, Object> toPlain() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (YEntry e : entries) {
      m.put(e.name(), Plain.of(e.value()));
    }
    return m;
  }
}
