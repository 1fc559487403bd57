package dev.gwc.cli;

import java.time.Duration;
import java.util.Locale;

/** Byte sizes ({@code 512K}, {@code 16M}) and durations ({@code 500ms}, {@code 30s}) of flags. */
final class Sizes {
  private Sizes() {}

  /** A byte count: digits, optionally followed by K, M or G (powers of 1024). */
  static long bytes(String flag, String text) throws UsageException {
    String t = text.strip().toUpperCase(Locale.ROOT);
    int shift = t.endsWith("K") ? 10 : t.endsWith("M") ? 20 : t.endsWith("G") ? 30 : 0;
    String digits = shift == 0 ? t : t.substring(0, t.length() - 1);
    try {
      long n = Long.parseLong(digits);
      if (n < 0 || n > (Long.MAX_VALUE >> 31)) {
        throw new NumberFormatException();
      }
      return n << shift;
    } catch (NumberFormatException e) {
      throw new UsageException(
          flag + " '" + text + "': expected a size such as 1048576, 512K or 16M");
    }
  }

  /** A positive duration: digits followed by ms, s or m. */
  static Duration duration(String flag, String text) throws UsageException {
    String t = text.strip().toLowerCase(Locale.ROOT);
    try {
      Duration d;
      if (t.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      } else if (t.endsWith("s")) {
        d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      } else if (t.endsWith("m")) {
        d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
      } else {
        throw new NumberFormatException();
      }
      if (d.isNegative() || d.isZero() || d.toDays() > 1) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException | ArithmeticException e) {
      throw new UsageException(
          flag + " '" + text + "': expected a duration such as 500ms, 30s or 2m (at most a day)");
    }
  }
}
