package dev.gwc.sim;

import java.util.List;
import java.util.Map;

/** Reads the CRD-defaulted values (plain maps and lists) of compiled resources. */
final class V {
  private V() {}

  static Map<?, ?> map(Object owner, String key) {
    return owner instanceof Map<?, ?> m && m.get(key) instanceof Map<?, ?> v ? v : Map.of();
  }

  static List<?> list(Object owner, String key) {
    return owner instanceof Map<?, ?> m && m.get(key) instanceof List<?> v ? v : List.of();
  }

  static String str(Object owner, String key) {
    return owner instanceof Map<?, ?> m && m.get(key) != null ? String.valueOf(m.get(key)) : null;
  }

  static String str(Object owner, String key, String dflt) {
    String s = str(owner, key);
    return s == null ? dflt : s;
  }

  static Integer integer(Object owner, String key) {
    return owner instanceof Map<?, ?> m && m.get(key) instanceof Number n ? n.intValue() : null;
  }

  static boolean bool(Object owner, String key) {
    return owner instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get(key));
  }

  static boolean has(Object owner, String key) {
    return owner instanceof Map<?, ?> m && m.get(key) != null;
  }
}
