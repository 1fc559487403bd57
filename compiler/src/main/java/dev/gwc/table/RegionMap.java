package dev.gwc.table;

/**
 * A hash map from strings to values that is also looked up by a region of a longer string ({@code
 * get(host, 4, 17)}), so that the suffixes of a host are found without cutting them out first. Open
 * addressing, at most half full; the hashes sit in an array of their own, so a probe that meets
 * another key or none reads no key.
 *
 * @param <V> the value type
 */
final class RegionMap<V> {
  // Per slot the key's hash (never 0), or 0 when the slot is empty.
  private int[] hashes = new int[2];
  // Key i at 2i, its value at 2i + 1.
  private Object[] slots = new Object[4];
  private int size;

  /** Sets the value of a key. */
  void put(String key, V value) {
    if ((size + 1) * 2 > hashes.length) {
      grow();
    }
    int h = PackedChars.hash(0, key, 0, key.length());
    int i = slot(key, 0, key.length(), h);
    if (hashes[i] == 0) {
      hashes[i] = h;
      slots[2 * i] = key;
      size++;
    }
    slots[2 * i + 1] = value;
  }

  /** The value of {@code text[from, to)}, or null. */
  @SuppressWarnings("unchecked")
  V get(String text, int from, int to) {
    return (V) slots[2 * slot(text, from, to, PackedChars.hash(0, text, from, to)) + 1];
  }

  /** The slot of the key, or the empty slot where it would go. */
  private int slot(String text, int from, int to, int h) {
    int mask = hashes.length - 1;
    int i = h & mask;
    while (true) {
      int k = hashes[i];
      if (k == 0) {
        return i;
      }
      String key = (String) slots[2 * i];
      if (k == h && key.length() == to - from && text.regionMatches(from, key, 0, key.length())) {
        return i;
      }
      i = (i + 1) & mask;
    }
  }

  private void grow() {
    int[] oldHashes = hashes;
    Object[] oldSlots = slots;
    hashes = new int[oldHashes.length * 2];
    slots = new Object[oldSlots.length * 2];
    size = 0;
    for (int i = 0; i < oldHashes.length; i++) {
      if (oldHashes[i] != 0) {
        @SuppressWarnings("unchecked")
        V value = (V) oldSlots[2 * i + 1];
        put((String) oldSlots[2 * i], value);
      }
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < hashes.length; i++) {
      if (hashes[i] != 0) {
        sb.append(sb.length() > 1 ? ", " : "")
            .append(slots[2 * i])
            .append('=')
            .append(slots[2 * i + 1]);
      }
    }
    return sb.append('}').toString();
  }
}
