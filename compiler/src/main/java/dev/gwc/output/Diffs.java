package dev.gwc.output;

import java.util.List;

/** A small line diff for --check: each added or removed line under the line number it is at. */
final class Diffs {
  private Diffs() {}

  /** Above this many line pairs the table of common subsequences is not built. */
  private static final long MAX_CELLS = 4_000_000;

  static String unified(String name, String before, String after) {
    List<String> a = before.lines().toList();
    List<String> b = after.lines().toList();
    int n = a.size();
    int m = b.size();
    if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
      return "--- "
          + name
          + "\n+++ "
          + name
          + " (compiled)\n(differs: "
          + n
          + " lines against "
          + m
          + " compiled lines, too many to show line by line)\n";
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
    StringBuilder sb = new StringBuilder("--- " + name + "\n+++ " + name + " (compiled)\n");
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        i++;
        j++;
      } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
        sb.append("@@ line ").append(i + 1).append(" @@\n+").append(b.get(j)).append('\n');
        j++;
      } else {
        sb.append("@@ line ").append(i + 1).append(" @@\n-").append(a.get(i)).append('\n');
        i++;
      }
    }
    return sb.toString();
  }
}
