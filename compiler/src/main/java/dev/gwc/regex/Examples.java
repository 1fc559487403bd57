package dev.gwc.regex;

/**
 * A string that a pattern matches, made by taking each part once: a literal as written, a class's
 * first member, a group's first alternative that is not empty, a repeated part its smallest
 * non-zero number of times (so that every optional group holds something). Enough for the path
 * patterns of routes ({@code /api(/|$)(.*)} gives {@code /api/x}, {@code /users/(\d+)} gives {@code
 * /users/0}); anything it cannot follow gives null.
 */
public final class Examples {
  private final String p;
  private int pos;

  private Examples(String pattern) {
    this.p = pattern;
  }

  /** A text the pattern finds a match in, or null. */
  public static String of(String pattern) {
    String out;
    try {
      Examples e = new Examples(pattern);
      out = e.alternation();
      if (e.pos != pattern.length()) {
        return null;
      }
      return Regex.compile(pattern).find(out) ? out : null;
    } catch (RuntimeException e) {
      return null; // outside what the generator follows, or not a valid pattern
    }
  }

  /** Alternatives up to ')' or the end: the first that yields text, else the first. */
  private String alternation() {
    String first = sequence();
    String chosen = first;
    while (pos < p.length() && p.charAt(pos) == '|') {
      pos++;
      String next = sequence();
      if (chosen.isEmpty() && !next.isEmpty()) {
        chosen = next;
      }
    }
    return chosen;
  }

  private String sequence() {
    StringBuilder sb = new StringBuilder();
    while (pos < p.length() && p.charAt(pos) != '|' && p.charAt(pos) != ')') {
      String atom = atom();
      sb.append(atom.repeat(repetitions()));
    }
    return sb.toString();
  }

  /** How many times to take the atom just read, from the quantifier after it (if any). */
  private int repetitions() {
    if (pos >= p.length()) {
      return 1;
    }
    char c = p.charAt(pos);
    int n = 1;
    if (c == '*' || c == '+' || c == '?') {
      pos++;
    } else if (c == '{' && p.indexOf('}', pos) > pos) {
      int close = p.indexOf('}', pos);
      String spec = p.substring(pos + 1, close);
      String min = spec.contains(",") ? spec.substring(0, spec.indexOf(',')) : spec;
      if (!min.strip().matches("\\d+")) {
        return 1; // a literal '{'
      }
      n = Math.max(1, Integer.parseInt(min.strip()));
      pos = close + 1;
    } else {
      return 1;
    }
    if (pos < p.length() && (p.charAt(pos) == '?' || p.charAt(pos) == '+')) {
      pos++; // lazy or possessive: the same text
    }
    return n;
  }

  private String atom() {
    char c = p.charAt(pos++);
    switch (c) {
      case '^':
      case '$':
        return "";
      case '.':
        return "x";
      case '(':
        if (p.startsWith("?", pos)) {
          int colon = p.indexOf(':', pos);
          int close = p.indexOf(')', pos);
          if (colon > 0 && (close < 0 || colon < close)) {
            pos = colon + 1; // (?:...) or (?i:...)
          } else if (close > 0) {
            pos = close + 1; // a flag group such as (?i)
            return "";
          }
        }
        String inner = alternation();
        if (pos >= p.length() || p.charAt(pos) != ')') {
          throw new IllegalArgumentException("unclosed group");
        }
        pos++;
        return inner;
      case '[':
        return String.valueOf(classMember());
      case '\\':
        return escape(p.charAt(pos++));
      default:
        return String.valueOf(c);
    }
  }

  private static String escape(char c) {
    return switch (c) {
      case 'd' -> "0";
      case 'w' -> "a";
      case 's' -> " ";
      case 'D', 'W', 'S' -> "-";
      case 'b', 'B', 'A', 'z' -> "";
      default -> String.valueOf(c);
    };
  }

  /** A member of the class that starts at pos (after '['): its first, or for a negated one 'x'. */
  private char classMember() {
    boolean negated = p.charAt(pos) == '^';
    if (negated) {
      pos++;
    }
    int close = p.indexOf(']', pos + 1);
    if (close < 0) {
      throw new IllegalArgumentException("unclosed class");
    }
    String body = p.substring(pos, close);
    pos = close + 1;
    if (negated) {
      for (char candidate : new char[] {'x', '0', '-', 'Q'}) {
        if (body.indexOf(candidate) < 0) {
          return candidate;
        }
      }
      throw new IllegalArgumentException("no member found");
    }
    if (body.startsWith("\\")) {
      return escape(body.charAt(1)).isEmpty() ? 'x' : escape(body.charAt(1)).charAt(0);
    }
    return body.charAt(0);
  }
}
