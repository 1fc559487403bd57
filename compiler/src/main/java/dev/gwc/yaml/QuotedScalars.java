package dev.gwc.yaml;

/**
 * One-line quoted scalars for {@link BlockReader}: where they end and what they say. Single quotes
 * double themselves ({@code 'it''s'}); double quotes take YAML's common escapes ({@code \\ \" \/ \n
 * \t \r \0 \a \b \v \f \e}, a space, {@code \xXX}, {@code \}{@code uXXXX}). Anything else (other
 * escapes, surrogates, a scalar continued on the next line) gives up, for snakeyaml-engine to read.
 */
final class QuotedScalars {
  private QuotedScalars() {}

  /**
   * The index of the quote closing the scalar whose quote is at {@code open}, before {@code end}.
   */
  static int close(char[] text, int open, int end) {
    boolean single = text[open] == '\'';
    for (int e = open + 1; e < end; e++) {
      char c = text[e];
      if (single && c == '\'') {
        if (e + 1 < end && text[e + 1] == '\'') {
          e++;
        } else {
          return e;
        }
      } else if (!single && c == '\\') {
        e++;
      } else if (!single && c == '"') {
        return e;
      }
    }
    throw BlockReader.GIVE_UP;
  }

  /**
   * The value of the scalar between the quotes at {@code open} and {@code close}, or null when it
   * is the text between them as written (no escape, no doubled quote).
   */
  static String unescaped(char[] text, int open, int close, int end) {
    boolean single = text[open] == '\'';
    int i = open + 1;
    int plain = i;
    while (plain < close && text[plain] != (single ? '\'' : '\\')) {
      plain++;
    }
    if (plain == close) {
      return null;
    }
    StringBuilder sb = new StringBuilder(close - i);
    sb.append(text, i, plain - i);
    for (int e = plain; e < close; e++) {
      char c = text[e];
      if (single) {
        sb.append(c);
        if (c == '\'') {
          e++; // '' is one quote
        }
        continue;
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char x = text[++e];
      switch (x) {
        case '\\', '"', '/', ' ' -> sb.append(x);
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case '0' -> sb.append('\0');
        case 'a' -> sb.append('\u0007');
        case 'b' -> sb.append('\b');
        case 'v' -> sb.append('\u000b');
        case 'f' -> sb.append('\f');
        case 'e' -> sb.append('\u001b');
        case 'x' -> e = hex(text, e + 1, 2, end, sb);
        case 'u' -> e = hex(text, e + 1, 4, end, sb);
        default -> throw BlockReader.GIVE_UP;
      }
    }
    return sb.toString();
  }

  /** Appends the character of {@code digits} hex digits at i; returns the index of the last. */
  private static int hex(char[] text, int i, int digits, int end, StringBuilder sb) {
    if (i + digits > end) {
      throw BlockReader.GIVE_UP;
    }
    int value = 0;
    for (int k = 0; k < digits; k++) {
      char c = text[i + k];
      int d = c < 0x80 ? Character.digit(c, 16) : -1; // ASCII digits only, as YAML says
      if (d < 0) {
        throw BlockReader.GIVE_UP;
      }
      value = value * 16 + d;
    }
    if (value >= 0xd800 && value < 0xe000) {
      throw BlockReader.GIVE_UP;
    }
    sb.append((char) value);
    return i + digits - 1;
  }
}
