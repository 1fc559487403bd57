package dev.gwc.regex;

import java.util.ArrayList;
import java.util.List;

/**
 * Glushkov's position automaton of a pattern with at most 64 character positions: state {@code p}
 * means "the last character read matched position {@code p}", so a set of states is one {@code
 * long}, and reading a character is a few bit operations per active state. Runs in time linear in
 * the text, never allocates, and decides exactly what RE2 decides about whether a text matches (not
 * where: no captures).
 */
final class PositionAutomaton {
  /** The most positions a pattern may have (repetitions counted out). */
  static final int MAX_POSITIONS = 64;

  // Nodes built at most; a pattern that fits in 64 positions needs far fewer.
  private static final int MAX_STEPS = 4096;

  private final long first;
  private final long last;
  private final boolean nullable;
  private final long[] follow;
  // Per ASCII character its class (characters every position treats alike share one), per class
  // the positions that accept it; and the positions that accept every other code point. A pattern
  // has a handful of classes, so this takes a few cache lines where a mask per character took 16.
  private final byte[] classOf = new byte[128];
  private final long[] classMask;
  private final long nonAscii;
  private final boolean anchoredStart;
  private final boolean anchoredEnd;

  private PositionAutomaton(
      Fragment f, List<CharSet> positions, long[] follow, boolean anchoredStart, boolean end) {
    this.first = f.first;
    this.last = f.last;
    this.nullable = f.nullable;
    this.follow = follow;
    this.anchoredStart = anchoredStart;
    this.anchoredEnd = end;
    long other = 0;
    long[] ascii = new long[128];
    for (int p = 0; p < positions.size(); p++) {
      CharSet s = positions.get(p);
      long bit = 1L << p;
      for (long m = s.lo(); m != 0; m &= m - 1) {
        ascii[Long.numberOfTrailingZeros(m)] |= bit;
      }
      for (long m = s.hi(); m != 0; m &= m - 1) {
        ascii[64 + Long.numberOfTrailingZeros(m)] |= bit;
      }
      if (s.nonAscii()) {
        other |= bit;
      }
    }
    this.nonAscii = other;
    // Classes in order of first appearance: a handful, so a linear search beats a map.
    long[] masks = new long[128];
    int classes = 0;
    for (int c = 0; c < 128; c++) {
      int k = 0;
      while (k < classes && masks[k] != ascii[c]) {
        k++;
      }
      if (k == classes) {
        masks[classes++] = ascii[c];
      }
      classOf[c] = (byte) k;
    }
    this.classMask = java.util.Arrays.copyOf(masks, classes);
  }

  /**
   * The automaton of a parsed pattern, or null when it needs more than 64 positions.
   *
   * @param node the pattern
   * @param anchoredStart whether it starts with {@code ^} (for {@link #find})
   * @param anchoredEnd whether it ends with {@code $} (for {@link #find})
   */
  static PositionAutomaton of(Node node, boolean anchoredStart, boolean anchoredEnd) {
    Builder b = new Builder();
    Fragment f = b.build(node);
    if (f == null) {
      return null;
    }
    return new PositionAutomaton(
        f,
        b.positions,
        java.util.Arrays.copyOf(b.follow, b.positions.size()),
        anchoredStart,
        anchoredEnd);
  }

  /** Whether the text from {@code from} to its end matches. */
  boolean matches(CharSequence text, int from) {
    int n = text.length();
    if (n == from) {
      return nullable;
    }
    long state = 0;
    boolean atStart = true;
    for (int i = from; i < n; ) {
      int c = Character.codePointAt(text, i);
      i += Character.charCount(c);
      long accept = accepting(c);
      state = (atStart ? first : step(state)) & accept;
      atStart = false;
      if (state == 0) {
        return false;
      }
    }
    return (state & last) != 0;
  }

  /** Whether some part of the text matches (anchors respected), as RE2's partial match. */
  boolean find(CharSequence text) {
    if (anchoredStart && anchoredEnd) {
      return matches(text, 0);
    }
    if (nullable) {
      return true; // the empty match at the start (or, with $, at the end)
    }
    int n = text.length();
    long state = 0;
    boolean atStart = true;
    for (int i = 0; i < n; ) {
      int c = Character.codePointAt(text, i);
      i += Character.charCount(c);
      long accept = accepting(c);
      long next = step(state);
      if (atStart || !anchoredStart) {
        next |= first;
      }
      atStart = false;
      state = next & accept;
      if (!anchoredEnd && (state & last) != 0) {
        return true;
      }
      if (state == 0 && anchoredStart) {
        return false;
      }
    }
    return anchoredEnd && (state & last) != 0;
  }

  /** The positions that accept a code point. */
  private long accepting(int codePoint) {
    return codePoint < 128 ? classMask[classOf[codePoint]] : nonAscii;
  }

  // The first int of the tables: whether the automaton accepts the empty text, and whether they are
  // NARROW: at most 32 positions (a set is one int) and 16 classes (a character's class is 4 bits).
  private static final int NULLABLE = 1;
  private static final int NARROW = 2;

  /**
   * The automaton's tables as ints, for {@link #matches(int[], int, CharSequence, int)}. Most path
   * patterns are NARROW: the flags; the first, last and non-ASCII position sets; the number of
   * positions and each one's follow set; the number of classes and each one's positions; then each
   * ASCII character's class, eight to an int. Otherwise the same with each set as two ints (high
   * first) and four classes to an int.
   */
  int[] encode() {
    int p = follow.length;
    int k = classMask.length;
    boolean narrow = p <= 32 && k <= 16;
    int set = narrow ? 1 : 2;
    int[] out = new int[1 + 3 * set + 1 + set * p + 1 + set * k + (narrow ? 16 : 32)];
    out[0] = (nullable ? NULLABLE : 0) | (narrow ? NARROW : 0);
    put(out, 1, first, set);
    put(out, 1 + set, last, set);
    put(out, 1 + 2 * set, nonAscii, set);
    int positions = 1 + 3 * set;
    out[positions] = p;
    for (int i = 0; i < p; i++) {
      put(out, positions + 1 + set * i, follow[i], set);
    }
    int classes = positions + 1 + set * p;
    out[classes] = k;
    for (int j = 0; j < k; j++) {
      put(out, classes + 1 + set * j, classMask[j], set);
    }
    int chars = classes + 1 + set * k;
    for (int c = 0; c < 128; c++) {
      if (narrow) {
        out[chars + (c >> 3)] |= (classOf[c] & 0xf) << (4 * (c & 7));
      } else {
        out[chars + (c >> 2)] |= (classOf[c] & 0xff) << (8 * (c & 3));
      }
    }
    return out;
  }

  /** Writes a position set as one int (narrow) or two (high first). */
  private static void put(int[] a, int at, long v, int ints) {
    if (ints == 1) {
      a[at] = (int) v;
    } else {
      put(a, at, v);
    }
  }

  /**
   * {@link #matches(CharSequence, int)} of the automaton {@link #encode}d at {@code a[at]}: the
   * same steps, reading the tables from the ints.
   */
  static boolean matches(int[] a, int at, CharSequence text, int from) {
    int n = text.length();
    if (n == from) {
      return (a[at] & NULLABLE) != 0;
    }
    return (a[at] & NARROW) != 0 ? narrow(a, at, text, from) : wide(a, at, text, from);
  }

  /** {@link #matches(int[], int, CharSequence, int)} of NARROW tables, on a non-empty text. */
  private static boolean narrow(int[] a, int at, CharSequence text, int from) {
    int n = text.length();
    int follow = at + 5;
    int classes = follow + a[at + 4];
    int chars = classes + 1 + a[classes];
    int state = 0;
    boolean atStart = true;
    for (int i = from; i < n; ) {
      int c = Character.codePointAt(text, i);
      i += Character.charCount(c);
      int accept =
          c < 128 ? a[classes + 1 + ((a[chars + (c >> 3)] >>> (4 * (c & 7))) & 0xf)] : a[at + 3];
      if (atStart) {
        state = a[at + 1] & accept;
        atStart = false;
      } else {
        int next = 0;
        for (int s = state; s != 0; s &= s - 1) {
          next |= a[follow + Integer.numberOfTrailingZeros(s)];
        }
        state = next & accept;
      }
      if (state == 0) {
        return false;
      }
    }
    return (state & a[at + 2]) != 0;
  }

  /** {@link #matches(int[], int, CharSequence, int)} of tables with two ints a set. */
  private static boolean wide(int[] a, int at, CharSequence text, int from) {
    int n = text.length();
    int follow = at + 8;
    int classes = follow + 2 * a[at + 7];
    int chars = classes + 1 + 2 * a[classes];
    long state = 0;
    boolean atStart = true;
    for (int i = from; i < n; ) {
      int c = Character.codePointAt(text, i);
      i += Character.charCount(c);
      long accept =
          c < 128
              ? get(a, classes + 1 + 2 * ((a[chars + (c >> 2)] >>> (8 * (c & 3))) & 0xff))
              : get(a, at + 5);
      if (atStart) {
        state = get(a, at + 1) & accept;
        atStart = false;
      } else {
        long next = 0;
        for (long s = state; s != 0; s &= s - 1) {
          next |= get(a, follow + 2 * Long.numberOfTrailingZeros(s));
        }
        state = next & accept;
      }
      if (state == 0) {
        return false;
      }
    }
    return (state & get(a, at + 3)) != 0;
  }

  private static void put(int[] a, int at, long v) {
    a[at] = (int) (v >>> 32);
    a[at + 1] = (int) v;
  }

  private static long get(int[] a, int at) {
    return ((long) a[at] << 32) | (a[at + 1] & 0xffffffffL);
  }

  /** The positions that may follow any of {@code state}'s. */
  private long step(long state) {
    long next = 0;
    for (long s = state; s != 0; s &= s - 1) {
      next |= follow[Long.numberOfTrailingZeros(s)];
    }
    return next;
  }

  /** What Glushkov's construction knows of a subexpression. */
  private record Fragment(boolean nullable, long first, long last) {}

  /** Numbers the positions (each repetition counted out gets its own) and links them. */
  private static final class Builder {
    final List<CharSet> positions = new ArrayList<>();
    final long[] follow = new long[MAX_POSITIONS];
    private int steps;

    /**
     * The fragment of a node, or null when the pattern needs more than 64 positions (or more work
     * than a pattern of 64 positions can need: nested repetitions of empty groups).
     */
    Fragment build(Node node) {
      if (++steps > MAX_STEPS) {
        return null;
      }
      if (node instanceof Node.Chars c) {
        if (positions.size() == MAX_POSITIONS) {
          return null;
        }
        long bit = 1L << positions.size();
        positions.add(c.set());
        return new Fragment(false, bit, bit);
      }
      if (node instanceof Node.Concat c) {
        Fragment f = new Fragment(true, 0, 0);
        for (Node part : c.parts()) {
          Fragment g = build(part);
          if (g == null) {
            return null;
          }
          f = concat(f, g);
        }
        return f;
      }
      if (node instanceof Node.Alternate a) {
        boolean nullable = false;
        long first = 0;
        long last = 0;
        for (Node alt : a.alternatives()) {
          Fragment g = build(alt);
          if (g == null) {
            return null;
          }
          nullable |= g.nullable;
          first |= g.first;
          last |= g.last;
        }
        return new Fragment(nullable, first, last);
      }
      if (node instanceof Node.Repeat r) {
        return repeat(r);
      }
      return new Fragment(true, 0, 0); // Node.Empty
    }

    private Fragment concat(Fragment a, Fragment b) {
      link(a.last, b.first);
      return new Fragment(
          a.nullable && b.nullable,
          a.nullable ? a.first | b.first : a.first,
          b.nullable ? a.last | b.last : b.last);
    }

    /** {@code x{min,max}} as {@code min} copies of x, then x* or (max - min) copies of x?. */
    private Fragment repeat(Node.Repeat r) {
      if (r.min() > MAX_POSITIONS || r.max() > MAX_POSITIONS) {
        return null;
      }
      Fragment f = new Fragment(true, 0, 0);
      for (int i = 0; i < r.min(); i++) {
        Fragment g = build(r.node());
        if (g == null) {
          return null;
        }
        f = concat(f, g);
      }
      if (r.max() < 0) {
        Fragment g = build(r.node());
        if (g == null) {
          return null;
        }
        link(g.last, g.first);
        return concat(f, new Fragment(true, g.first, g.last));
      }
      for (int i = r.min(); i < r.max(); i++) {
        Fragment g = build(r.node());
        if (g == null) {
          return null;
        }
        f = concat(f, new Fragment(true, g.first, g.last));
      }
      return f;
    }

    private void link(long from, long to) {
      for (long s = from; s != 0; s &= s - 1) {
        follow[Long.numberOfTrailingZeros(s)] |= to;
      }
    }
  }
}
