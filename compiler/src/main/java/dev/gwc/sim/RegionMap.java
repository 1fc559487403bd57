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
    put(0, key, value);
  }

  /**
   * Sets the value of a key of a kind: a map can hold several indexes whose keys may be equal
   * strings, told apart by a small number (the public methods use kind 0).
   */
  private void put(int kind, String key, V value) {
    if ((size + 1) * 2 > hashes.length) {
      grow();
    }
    int h = hash(kind, key, 0, key.length());
    int i = slot(kind, key, 0, key.length(), h);
    if (hashes[i] == 0) {
      hashes[i] = h;
      slots[2 * i] = compact(kind, key);
      size++;
    }
    slots[2 * i + 1] = value;
  }

  /** The value of {@code text[from, to)}, or null. */
  V get(String text, int from, int to) {
    return get(0, text, from, to);
  }

  /** The value of the key of a kind that is {@code text[from, to)}, or null. */
  @SuppressWarnings("unchecked")
  private V get(int kind, String text, int from, int to) {
    if (size == 0) {
      return null;
    }
    return (V) slots[2 * slot(kind, text, from, to, hash(kind, text, from, to)) + 1];
  }

  /** The value of a key, or null. */
  V get(String key) {
    return get(0, key, 0, key.length());
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The slot of the key, or the empty slot where it would go. */
  private int slot(int kind, String text, int from, int to, int h) {
    int mask = hashes.length - 1;
    int i = h & mask;
    while (true) {
      int k = hashes[i];
      if (k == 0 || (k == h && same(slots[2 * i], kind, text, from, to))) {
        return i;
      }
      i = (i + 1) & mask;
    }
  }

  /** Whether a stored key (its kind first) is the kind and region. */
  private static boolean same(Object key, int kind, String text, int from, int to) {
    int len = to - from;
    if (key instanceof byte[] b) {
      if (b.length != len + 1 || b[0] != kind) {
        return false;
      }
      for (int j = 0; j < len; j++) {
        if ((b[j + 1] & 0xff) != text.charAt(from + j)) {
          return false;
        }
      }
      return true;
    }
    String s = (String) key;
    return s.length() == len + 1 && s.charAt(0) == kind && text.regionMatches(from, s, 1, len);
  }

  /**
   * The kind and key as ISO-8859-1 bytes when every character fits, else as a string (the kind as
   * its first character).
   */
  private static Object compact(int kind, String key) {
    byte[] b = new byte[key.length() + 1];
    b[0] = (byte) kind;
    for (int j = 0; j < key.length(); j++) {
      char c = key.charAt(j);
      if (c > 0xff) {
        return (char) kind + key;
      }
      b[j + 1] = (byte) c;
    }
    return b;
  }

  /**
   * The hash of a kind and region ({@link String#hashCode} of the region, spread), never 0; also
   * {@link PathIndex}'s.
   */
  static int hash(int kind, String text, int from, int to) {
    int h = 0;
    if (from == 0 && to == text.length()) {
      h = text.hashCode();
    } else {
      for (int i = from; i < to; i++) {
        h = 31 * h + text.charAt(i);
      }
    }
    h += kind * 0x9E3779B9;
    h ^= h >>> 16;
    return h == 0 ? 1 : h;
  }

  private void grow() {
    List<String> keys = new ArrayList<>(size);
    List<Object> values = new ArrayList<>(size);
    for (int i = 0; i < hashes.length; i++) {
      if (hashes[i] != 0) {
        keys.add(text(slots[2 * i]));
        values.add(slots[2 * i + 1]);
      }
    }
    int capacity = Math.max(4, hashes.length * 2);
    hashes = new int[capacity];
    slots = new Object[2 * capacity];
    size = 0;
    for (int j = 0; j < keys.size(); j++) {
      @SuppressWarnings("unchecked")
      V value = (V) values.get(j);
      put(keys.get(j).charAt(0), keys.get(j).substring(1), value);
    }
  }

  /** A stored key as a string, its kind as the first character. */
  private static String text(Object key) {
    if (key instanceof byte[] b) {
      return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
    return (String) key;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < hashes.length; i++) {
      if (hashes[i] != 0) {
        String k = text(slots[2 * i]);
        sb.append(sb.length() > 1 ? ", " : "")
            .append(k.charAt(0) == 0 ? k.substring(1) : (int) k.charAt(0) + ":" + k.substring(1))
            .append('=')
            .append(slots[2 * i + 1]);
      }
    }
    return sb.append('}').toString();
  }
}
