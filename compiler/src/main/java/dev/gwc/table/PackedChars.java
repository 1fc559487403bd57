package dev.gwc.table;

/**
 * Keys written into an {@code int[]} so that a lookup compares them where it reads them: four
 * characters to an int (the first in the lowest byte) when all are ISO-8859-1, as hostnames and
 * nearly all paths are, else two to an int (the first in the low half), "wide"; and the hash the
 * indexes file them under.
 */
final class PackedChars {
  private PackedChars() {}

  /**
   * The hash of a key of a kind that is {@code text[from, to)} ({@link String#hashCode} of the
   * region, spread; the kind tells apart equal strings in different roles), never 0.
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

  /** Whether a key has a character beyond ISO-8859-1, and so is written wide. */
  static boolean wide(String key) {
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) > 0xff) {
        return true;
      }
    }
    return false;
  }

  /** The number of ints a key takes. */
  static int ints(String key) {
    return wide(key) ? (key.length() + 1) / 2 : (key.length() + 3) / 4;
  }

  /** Writes a key at {@code code[at]} (the ints must be zero). */
  static void write(int[] code, int at, String key) {
    boolean wide = wide(key);
    for (int c = 0; c < key.length(); c++) {
      code[at + (wide ? c >> 1 : c >> 2)] |=
          wide ? key.charAt(c) << ((c & 1) << 4) : key.charAt(c) << ((c & 3) << 3);
    }
  }

  /**
   * Whether the key of {@code to - from} characters written at {@code code[at]} ({@code wide} or
   * not) is {@code s[from, to)}; the caller has compared the lengths.
   */
  static boolean equal(int[] code, int at, boolean wide, String s, int from, int to) {
    int length = to - from;
    if (wide) {
      for (int i = 0; i < length; i++) {
        if (s.charAt(from + i) != (char) (code[at + (i >> 1)] >>> ((i & 1) << 4))) {
          return false;
        }
      }
      return true;
    }
    int all = 0;
    for (int i = 0; i < length; i += 4) {
      // Four characters at once.
      int word = 0;
      for (int j = 0, n = Math.min(4, length - i); j < n; j++) {
        char c = s.charAt(from + i + j);
        all |= c;
        word |= c << (j << 3);
      }
      if (word != code[at + (i >> 2)]) {
        return false;
      }
    }
    // A character beyond ISO-8859-1 never equals one of the key's, whatever its bytes made.
    return all <= 0xff;
  }
}
