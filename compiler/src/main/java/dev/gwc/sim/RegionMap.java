package dev.gwc.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * A hash map from strings to values that is also looked up by a region of a longer string ({@code
 * get(path, 4, 9)}), so that segments of a request path or suffixes of a host are found without
 * cutting them out first. Open addressing, built once, then read only.
 *
 * <p>Laid out for lookups in a table too large for the processor's caches: the hashes sit in an
 * array of their own, so a probe that meets another key (or a key that is absent, the usual case
 * for exact paths) reads one cache line and no key; keys are stored as their bytes (ISO-8859-1)
 * when they fit, one indirection fewer than a {@code String}; a key and its value are neighbours.
 * At most half the slots are used.
 *
 * @param <V> the value type
 */
final class RegionMap<V> {
  private static final int[] NO_HASHES = new int[1];
  private static final Object[] NO_SLOTS = new Object[2];

  // Per slot the key's hash (never 0), or 0 when the slot is empty.
  private int[] hashes = NO_HASHES;
  // Key i (byte[] or String) at 2i, its value at 2i + 1.
  private Object[] slots = NO_SLOTS;
  private int size;

  /** Sets the value of a key. The map keeps its own copy of the key. */
  void put(String key, V value) {
    if ((size + 1) * 2 > hashes.length) {
      grow();
    }
    int h = hash(key, 0, key.length());
    int i = slot(key, 0, key.length(), h);
    if (hashes[i] == 0) {
      hashes[i] = h;
      slots[2 * i] = compact(key);
      size++;
    }
    slots[2 * i + 1] = value;
  }

  /** The value of {@code text[from, to)}, or null. */
  @SuppressWarnings("unchecked")
  V get(String text, int from, int to) {
    if (size == 0) {
      return null;
    }
    return (V) slots[2 * slot(text, from, to, hash(text, from, to)) + 1];
  }

  /** The value of a key, or null. */
  V get(String key) {
    return get(key, 0, key.length());
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The slot of the key, or the empty slot where it would go. */
  private int slot(String text, int from, int to, int h) {
    int mask = hashes.length - 1;
    int i = h & mask;
    while (true) {
      int k = hashes[i];
      if (k == 0 || (k == h && same(slots[2 * i], text, from, to))) {
        return i;
      }
      i = (i + 1) & mask;
    }
  }

  private static boolean same(Object key, String text, int from, int to) {
    int len = to - from;
    if (key instanceof byte[] b) {
      if (b.length != len) {
        return false;
      }
      for (int j = 0; j < len; j++) {
        if ((b[j] & 0xff) != text.charAt(from + j)) {
          return false;
        }
      }
      return true;
    }
    String s = (String) key;
    return s.length() == len && text.regionMatches(from, s, 0, len);
  }

  /** The key as ISO-8859-1 bytes when every character fits, else a copy of the string. */
  private static Object compact(String key) {
    byte[] b = new byte[key.length()];
    for (int j = 0; j < b.length; j++) {
      char c = key.charAt(j);
      if (c > 0xff) {
        return new String(key.toCharArray());
      }
      b[j] = (byte) c;
    }
    return b;
  }

  /** The hash of a region (as {@link String#hashCode}, spread), never 0. */
  private static int hash(String text, int from, int to) {
    int h = 0;
    if (from == 0 && to == text.length()) {
      h = text.hashCode();
    } else {
      for (int i = from; i < to; i++) {
        h = 31 * h + text.charAt(i);
      }
    }
    h ^= h >>> 16;
    return h == 0 ? 1 : h;
  }

  private void grow() {
    List<Object> keys = new ArrayList<>(size);
    List<Object> values = new ArrayList<>(size);
    for (int i = 0; i < hashes.length; i++) {
      if (hashes[i] != 0) {
        keys.add(slots[2 * i]);
        values.add(slots[2 * i + 1]);
      }
    }
    int capacity = Math.max(4, hashes.length * 2);
    hashes = new int[capacity];
    slots = new Object[2 * capacity];
    size = 0;
    for (int j = 0; j < keys.size(); j++) {
      String key = keys.get(j) instanceof byte[] b ? latin1(b) : (String) keys.get(j);
      @SuppressWarnings("unchecked")
      V value = (V) values.get(j);
      put(key, value);
    }
  }

  private static String latin1(byte[] b) {
    return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < hashes.length; i++) {
      if (hashes[i] != 0) {
        Object k = slots[2 * i];
        sb.append(sb.length() > 1 ? ", " : "")
            .append(k instanceof byte[] b ? latin1(b) : k)
            .append('=')
            .append(slots[2 * i + 1]);
      }
    }
    return sb.append('}').toString();
  }
}
