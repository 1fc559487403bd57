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
  // Key i at 2i, its value at 2i + 1: a hit reads one array, not two.
  private Object[] slots = new Object[16];
  private int size;

  /**
   * Sets the value of a key. The map keeps its own copy of the key, so that the keys a lookup
   * compares lie together rather than wherever their source text was parsed.
   */
  void put(String key, V value) {
    if ((size + 1) * 4 > capacity() * 3) {
      grow();
    }
    int i = slot(key, 0, key.length());
    if (slots[i] == null) {
      slots[i] = new String(key.toCharArray());
      size++;
    }
    slots[i + 1] = value;
  }

  /** The value of {@code text[from, to)}, or null. */
  @SuppressWarnings("unchecked")
  V get(String text, int from, int to) {
    return (V) slots[slot(text, from, to) + 1];
  }

  /** The value of a key, or null. */
  V get(String key) {
    return get(key, 0, key.length());
  }

  boolean isEmpty() {
    return size == 0;
  }

  private int capacity() {
    return slots.length / 2;
  }

  /** The index of the key's slot in {@link #slots}, or of the empty slot where it would go. */
  private int slot(String text, int from, int to) {
    int mask = capacity() - 1;
    int i = hash(text, from, to) & mask;
    int len = to - from;
    while (true) {
      String k = (String) slots[2 * i];
      if (k == null || (k.length() == len && text.regionMatches(from, k, 0, len))) {
        return 2 * i;
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
    Object[] old = slots;
    slots = new Object[old.length * 2];
    size = 0;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != null) {
        put((String) old[i], (V) old[i + 1]);
      }
    }
  }

  @Override
  public String toString() {
    return Arrays.toString(slots);
  }
}
