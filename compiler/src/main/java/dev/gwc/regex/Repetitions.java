package dev.gwc.regex;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * RE2's limits on a pattern's shape: nested {@code {n,m}} may not multiply to more than 1000
 * copies, and groups may not nest more than 1000 deep. re2j checks neither: it expands such
 * patterns into millions of instructions or overflows its stack, so a hostile header match would
 * hang or crash the tool; this check runs first.
 */
final class Repetitions {
  static final int MAX = 1000;
  static final int MAX_DEPTH = 1000;

  private Repetitions() {}

  /** What RE2 would refuse in a pattern's shape, or null. */
  static String problem(String pattern) {
    Deque<long[]> groups = new ArrayDeque<>();
    groups.push(new long[] {1});
    long worst = 1;
    int n = pattern.length();
    for (int i = 0; i < n; i++) {
      char c = pattern.charAt(i);
      long atom;
      if (c == '\\') {
        i++;
        atom = 1;
      } else if (c == '[') {
        i = classEnd(pattern, i);
        atom = 1;
      } else if (c == '(') {
        groups.push(new long[] {1});
        if (groups.size() > MAX_DEPTH + 1) {
          return "expression nests too deeply (more than " + MAX_DEPTH + " groups)";
        }
        continue;
      } else if (c == ')') {
        atom = groups.size() > 1 ? groups.pop()[0] : 1;
      } else {
        atom = 1;
      }
      long count = count(pattern, i + 1);
      long copies = Math.min(atom * Math.max(count, 1), Long.MAX_VALUE / 2 / MAX);
      long[] top = groups.peek();
      top[0] = Math.max(top[0], copies);
      worst = Math.max(worst, copies);
    }
    return worst > MAX ? "nested repetitions make more than " + MAX + " copies" : null;
  }

  /** The largest count of a {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code i}, else 1. */
  private static long count(String p, int i) {
    if (i >= p.length() || p.charAt(i) != '{') {
      return 1;
    }
    long best = 0;
    long value = 0;
    boolean digits = false;
    for (int j = i + 1; j < p.length(); j++) {
      char c = p.charAt(j);
      if (Character.isDigit(c)) {
        value = Math.min(value * 10 + (c - '0'), Integer.MAX_VALUE);
        digits = true;
      } else if (c == ',' || c == '}') {
        best = Math.max(best, value);
        value = 0;
        if (c == '}') {
          return digits ? Math.max(best, 1) : 1;
        }
      } else {
        return 1;
      }
    }
    return 1;
  }

  /** The index of the {@code ]} that closes the class opened at {@code i}. */
  private static int classEnd(String p, int i) {
    int j = i + 1;
    if (j < p.length() && p.charAt(j) == '^') {
      j++;
    }
    if (j < p.length() && p.charAt(j) == ']') {
      j++;
    }
    for (; j < p.length(); j++) {
      char c = p.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == '[' && j + 1 < p.length() && p.charAt(j + 1) == ':') {
        int close = p.indexOf(":]", j + 2);
        j = close < 0 ? p.length() : close + 1;
      } else if (c == ']') {
        return j;
      }
    }
    return p.length();
  }
}
