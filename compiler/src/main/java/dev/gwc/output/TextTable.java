package dev.gwc.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Columns of text aligned as kubectl aligns them: a header row, cells padded to the widest cell of
 * their column, two spaces between columns. Given a width, the widest columns are cut (with "…")
 * until the table fits, none below {@link #MIN_CUT} characters.
 */
public final class TextTable {
  /** A cut column keeps at least this many characters. */
  static final int MIN_CUT = 12;

  private TextTable() {}

  /**
   * The table as lines.
   *
   * @param rows the header row first; every row has the same number of cells
   * @param indent what each line starts with
   * @param width the width to fit into, or 0 for no limit
   * @param uncut the headers of columns that are never cut (names people search for)
   */
  public static List<String> lines(
      List<List<String>> rows, String indent, int width, java.util.Set<String> uncut) {
    int columns = rows.get(0).size();
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    if (width > 0) {
      fit(widths, width - indent.length(), rows.get(0), uncut);
    }
    List<String> out = new ArrayList<>();
    for (List<String> row : rows) {
      StringBuilder sb = new StringBuilder(indent);
      for (int i = 0; i < columns; i++) {
        String cell = cut(row.get(i), widths[i]);
        sb.append(cell);
        if (i < columns - 1) {
          sb.append(" ".repeat(widths[i] - cell.length() + 2));
        }
      }
      out.add(sb.toString().stripTrailing());
    }
    return out;
  }

  /** Narrows the widest columns until the total fits (or none can be cut further). */
  private static void fit(
      int[] widths, int width, List<String> header, java.util.Set<String> uncut) {
    while (total(widths) > width) {
      int widest = -1;
      for (int i = 0; i < widths.length; i++) {
        int floor = Math.max(MIN_CUT, header.get(i).length());
        if (!uncut.contains(header.get(i))
            && widths[i] > floor
            && (widest < 0 || widths[i] > widths[widest])) {
          widest = i;
        }
      }
      if (widest < 0) {
        return;
      }
      int floor = Math.max(MIN_CUT, header.get(widest).length());
      widths[widest] = Math.max(floor, widths[widest] - (total(widths) - width));
    }
  }

  private static int total(int[] widths) {
    int sum = 2 * (widths.length - 1);
    for (int w : widths) {
      sum += w;
    }
    return sum;
  }

  private static String cut(String cell, int width) {
    return cell.length() <= width ? cell : cell.substring(0, width - 1) + "…";
  }
}
