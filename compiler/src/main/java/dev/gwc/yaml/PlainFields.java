package dev.gwc.yaml;

import java.util.List;
import java.util.Map;

/**
 * Reads fields of plain values ({@link Plain}'s maps and lists): a field of the wrong type or
 * absent reads as empty, null or false.
 */
public final class PlainFields {
  private PlainFields() {}

  public static Map<?, ?> map(Object owner, String key) {
    return owner instanceof Map<?, ?> m && m.get(key) instanceof Map<?, ?> v ? v : Map.of();
  }

  public static List<?> list(Object owner, String key) {
    return owner instanceof Map<?, ?> m && m.get(key) instanceof List<?> v ? v : List.of();
  }

  public static String str(Object owner, String key) {
    return owner instanceof Map<?, ?> m && m.get(key) != null ? String.valueOf(m.get(key)) : null;
  }

  public static String str(Object owner, String key, String dflt) {
    String s = str(owner, key);
    return s == null ? dflt : s;
  }

  public static Integer integer(Object owner, String key) {
    return owner instanceof Map<?, ?> m && m.get(key) instanceof Number n ? n.intValue() : null;
  }

  public static boolean bool(Object owner, String key) {
    return owner instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get(key));
  }

  public static boolean has(Object owner, String key) {
    return owner instanceof Map<?, ?> m && m.get(key) != null;
  }
}
