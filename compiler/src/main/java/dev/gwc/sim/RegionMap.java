package dev.gwc.sim;

import java.util.Arrays;

/**
 * A hash map from strings to values that is also looked up by a region of a longer string ({@code
 * get(path, 4, 9)}), so that segments of a request path or suffixes of a host are found without
 * cutting them out first. Open addressing; built once, then read only.
 *
 * @param <V> the value type
 */
final class RegionMap<V> {
  private String[] keys = new String[8];
  private Object[] values = new Object[8];
  private int size;

  /** Sets the value of a key. */
  void put(String key, V value) {
    if ((size + 1) * 4 > keys.length * 3) {
      grow();
    }
    int i = slot(key, 0, key.length());
    if (keys[i] == null) {
      keys[i] = key;
      size++;
    }
    values[i] = value;
  }

  /** The value of {@code text[from, to)}, or null. */
  @SuppressWarnings("unchecked")
  V get(String text, int from, int to) {
    return (V) values[slot(text, from, to)];
  }

  /** The value of a key, or null. */
  V get(String key) {
    return get(key, 0, key.length());
  }

  boolean isEmpty() {
    return size == 0;
  }

  private int slot(String text, int from, int to) {
    int mask = keys.length - 1;
    int i = hash(text, from, to) & mask;
    int len = to - from;
    while (true) {
      String k = keys[i];
      if (k == null || (k.length() == len && text.regionMatches(from, k, 0, len))) {
        return i;
      }
      i = (i + 1) & mask;
    }
  }

  /** {@link String#hashCode} of the region (cached by the string when the region is all of it). */
  private static int hash(String text, int from, int to) {
    int h = 0;
    if (from == 0 && to == text.length()) {
      h = text.hashCode();
    } else {
      for (int i = from; i < to; i++) {
        h = 31 * h + text.charAt(i);
      }
    }
    return h ^ (h >>> 16);
  }

  @SuppressWarnings("unchecked")
  private void grow() {
    String[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new String[oldKeys.length * 2];
    values = new Object[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        put(oldKeys[i], (V) oldValues[i]);
      }
    }
  }

  @Override
  public String toString() {
    return Arrays.toString(keys);
  }
}
