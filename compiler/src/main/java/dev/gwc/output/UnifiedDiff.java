package dev.gwc.output;

import java.util.ArrayList;
import java.util.List;

/**
 * The difference of two versions of a file in unified diff format ({@code diff -u}, three lines of
 * context), as {@code git apply} and {@code patch} read it. Lines are compared whole, with their
 * line endings; the common start and end are set aside first, so a local edit of a large file costs
 * little.
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;

  /** Above this many line pairs in the changed middle, it is shown as removed, then added. */
  private static final long MAX_CELLS = 4_000_000;

  private UnifiedDiff() {}

  /** One line of the edit script. */
  private record Op(char kind, String line, int oldLine, int newLine) {}

  /** The diff of {@code before} and {@code after} for {@code name}; empty when they are equal. */
  public static String of(String name, String before, String after) {
    return of(name, before, after, false);
  }

  /**
   * The same, for a file that {@code after} creates when {@code created} ({@code --- /dev/null}, as
   * git writes a new file).
   */
  public static String of(String name, String before, String after, boolean created) {
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<Op> ops = script(a, b);
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < ops.size()) {
      if (ops.get(i).kind() == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      int lastChange = i;
      while (end < ops.size()) {
        if (ops.get(end).kind() != ' ') {
          lastChange = end;
        } else if (end - lastChange > 2 * CONTEXT) {
          break;
        }
        end++;
      }
      end = Math.min(ops.size(), lastChange + CONTEXT + 1);
      hunk(out, ops.subList(start, end));
      i = end;
    }
    if (out.length() == 0) {
      return "";
    }
    return (created ? "--- /dev/null" : "--- a/" + name) + "\n+++ b/" + name + "\n" + out;
  }

  private static void hunk(StringBuilder out, List<Op> ops) {
    int oldCount = 0;
    int newCount = 0;
    int oldStart = -1;
    int newStart = -1;
    for (Op op : ops) {
      if (op.kind() != '+') {
        oldCount++;
        if (oldStart < 0) {
          oldStart = op.oldLine();
        }
      }
      if (op.kind() != '-') {
        newCount++;
        if (newStart < 0) {
          newStart = op.newLine();
        }
      }
    }
    // An empty side is shown at the line before it (diff -u's convention).
    if (oldStart < 0) {
      oldStart = ops.get(0).oldLine() - 1;
    }
    if (newStart < 0) {
      newStart = ops.get(0).newLine() - 1;
    }
    out.append("@@ -")
        .append(range(oldStart, oldCount))
        .append(" +")
        .append(range(newStart, newCount))
        .append(" @@\n");
    for (Op op : ops) {
      out.append(op.kind()).append(op.line());
      if (!op.line().endsWith("\n")) {
        out.append("\n\\ No newline at end of file\n");
      }
    }
  }

  private static String range(int start, int count) {
    return count == 1 ? String.valueOf(start) : start + "," + count;
  }

  /** The edit script: common lines, then removed and added ones, each with its line numbers. */
  private static List<Op> script(List<String> a, List<String> b) {
    int prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.size() - prefix
        && suffix < b.size() - prefix
        && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
      suffix++;
    }
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < prefix; i++) {
      ops.add(new Op(' ', a.get(i), i + 1, i + 1));
    }
    List<String> midA = a.subList(prefix, a.size() - suffix);
    List<String> midB = b.subList(prefix, b.size() - suffix);
    middle(midA, midB, prefix, ops);
    for (int k = suffix; k > 0; k--) {
      int ai = a.size() - k;
      int bi = b.size() - k;
      ops.add(new Op(' ', a.get(ai), ai + 1, bi + 1));
    }
    return ops;
  }

  private static void middle(List<String> a, List<String> b, int offset, List<Op> ops) {
    int n = a.size();
    int m = b.size();
    if ((long) n * m > MAX_CELLS) {
      for (int i = 0; i < n; i++) {
        ops.add(new Op('-', a.get(i), offset + i + 1, offset + 1));
      }
      for (int j = 0; j < m; j++) {
        ops.add(new Op('+', b.get(j), offset + n + 1, offset + j + 1));
      }
      return;
    }
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        ops.add(new Op(' ', a.get(i), offset + i + 1, offset + j + 1));
        i++;
        j++;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.add(new Op('-', a.get(i), offset + i + 1, offset + j + 1));
        i++;
      } else {
        ops.add(new Op('+', b.get(j), offset + i + 1, offset + j + 1));
        j++;
      }
    }
  }

  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        out.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      out.add(text.substring(start));
    }
    return out;
  }
}
