package dev.gwc.yaml;

import dev.gwc.diag.Diagnostic;
import dev.gwc.diag.ResourceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries of one mapping as they are read: a repeated key is reported and the last one wins
 * (and takes the place of the last), as both readers of this package build mappings.
 */
final class MappingEntries {
  private final Map<String, YEntry> entries = new LinkedHashMap<>();

  void add(YEntry entry, List<Diagnostic> diagnostics) {
    YScalar key = entry.key();
    YEntry previous = entries.remove(key.text());
    if (previous != null) {
      diagnostics.add(
          YamlRules.DUPLICATE_KEY.at(
              key.span(),
              "duplicate key '"
                  + key.text()
                  + "' (first at line "
                  + previous.key().span().line()
                  + "); the last one wins",
              ResourceRef.NONE,
              null));
    }
    entries.put(key.text(), entry);
  }

  /** Adds a merged entry unless its key is there already. */
  void addIfAbsent(YEntry entry) {
    entries.putIfAbsent(entry.name(), entry);
  }

  List<YEntry> list() {
    return new ArrayList<>(entries.values());
  }
}
