package dev.gwc.convert;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the ordered maps that become YAML or JSON objects. */
final class Maps {
  private Maps() {}

  /** An ordered map of key/value pairs; null values are left out. */
  static Map<String, Object> of(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        m.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return m;
  }
}
