package dev.gwc.cli;

import dev.gwc.output.Values;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One file per resource, as {@code -o DIR} writes them: {@code kind-namespace-name.FORMAT}. */
final class OutputFiles {
  private OutputFiles() {}

  /** Resources rendered in the format ({@code yaml} or {@code json}). */
  static String render(Object value, String format) {
    return format.equals("json") ? Values.json(value) + "\n" : Values.yaml(value);
  }

  /** File name to content, in a stable order. */
  static Map<String, String> of(List<Map<String, Object>> items, String format) {
    Map<String, String> out = new TreeMap<>();
    for (Map<String, Object> item : items) {
      @SuppressWarnings("unchecked")
      Map<String, Object> meta = (Map<String, Object>) item.getOrDefault("metadata", Map.of());
      String ns = meta.get("namespace") == null ? "" : meta.get("namespace") + "-";
      String name =
          String.valueOf(item.get("kind")).toLowerCase(Locale.ROOT) + "-" + ns + meta.get("name");
      out.put(name.replaceAll("[^A-Za-z0-9._-]", "_") + "." + format, render(item, format));
    }
    return out;
  }
}
