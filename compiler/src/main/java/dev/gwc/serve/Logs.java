package dev.gwc.serve;

/** Text from clients and request files made safe for a terminal or a log file. */
final class Logs {
  private Logs() {}

  /**
   * The text with control characters (C0, DEL, C1) and backslashes written as {@code \xNN}, so that
   * a request cannot forge log lines or send escape sequences to the terminal.
   */
  static String escape(String text) {
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean unsafe = c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\\';
      if (unsafe && sb == null) {
        sb = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (sb != null) {
        if (unsafe) {
          sb.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? text : sb.toString();
  }
}
