package dev.gwc.regex;

/**
 * A set of code points as the position automaton needs it: any subset of ASCII (two 64-bit words)
 * plus either every code point from 128 up or none of them.
 *
 * @param lo the members among code points 0–63, one bit each
 * @param hi the members among code points 64–127
 * @param nonAscii whether every code point from 128 up is a member
 */
record CharSet(long lo, long hi, boolean nonAscii) {
  static final CharSet NONE = new CharSet(0, 0, false);

  /** {@code .}: everything but a newline (RE2 without the {@code s} flag). */
  static final CharSet DOT = of('\n').negate();

  static final CharSet DIGIT = range('0', '9');
  static final CharSet WORD = range('0', '9').or(range('A', 'Z')).or(range('a', 'z')).or(of('_'));

  /** {@code \s} in RE2: tab, newline, form feed, carriage return and space. */
  static final CharSet SPACE = of('\t').or(of('\n')).or(of('\f')).or(of('\r')).or(of(' '));

  /** One ASCII character. */
  static CharSet of(int c) {
    return range(c, c);
  }

  /** The ASCII characters from {@code from} to {@code to}, both included. */
  static CharSet range(int from, int to) {
    long lo = 0;
    long hi = 0;
    for (int c = from; c <= to; c++) {
      if (c < 64) {
        lo |= 1L << c;
      } else {
        hi |= 1L << (c - 64);
      }
    }
    return new CharSet(lo, hi, false);
  }

  CharSet or(CharSet o) {
    return new CharSet(lo | o.lo, hi | o.hi, nonAscii || o.nonAscii);
  }

  /**
   * Every code point that is not a member (so a negated class also matches a newline, as RE2's).
   */
  CharSet negate() {
    return new CharSet(~lo, ~hi, !nonAscii);
  }

  boolean contains(int c) {
    if (c >= 128) {
      return nonAscii;
    }
    return c < 64 ? (lo & (1L << c)) != 0 : (hi & (1L << (c - 64))) != 0;
  }
}
