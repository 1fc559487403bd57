package dev.gwc.regex;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the part of RE2's syntax that the position automaton covers: literals, escaped punctuation,
 * {@code \d \w \s} and their negations, {@code .}, character classes of ASCII characters and ranges
 * (negated or not), groups (capturing, non-capturing, named), alternation, the quantifiers {@code *
 * + ? {n} {n,} {n,m}} (greedy or lazy: the same for whether a text matches), {@code ^} at the very
 * start and {@code $} at the very end. Anything else (flags, other anchors, Unicode classes,
 * non-ASCII characters) makes {@link #parse} return null, and the caller uses re2j.
 *
 * <p>The pattern has already been compiled by re2j, so it is valid RE2: the parser only needs to
 * recognize what it covers, not to report errors.
 */
final class PatternParser {
  /**
   * A parsed pattern.
   *
   * @param node the expression between the anchors
   * @param anchoredStart whether it starts with {@code ^}
   * @param anchoredEnd whether it ends with {@code $}
   */
  record Parsed(Node node, boolean anchoredStart, boolean anchoredEnd) {}

  /** Thrown inside the parser when the pattern leaves the subset; never escapes it. */
  private static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

  private final String text;
  private int pos;
  private int end;

  private PatternParser(String text) {
    this.text = text;
    this.end = text.length();
  }

  /** The pattern as a tree, or null when it uses anything outside the subset. */
  static Parsed parse(String pattern) {
    try {
      return new PatternParser(pattern).top();
    } catch (Unsupported e) {
      return null;
    }
  }

  private Parsed top() {
    boolean start = text.startsWith("^");
    if (start) {
      pos = 1;
    }
    boolean endAnchor = end > pos && text.charAt(end - 1) == '$' && !escaped(end - 1);
    if (endAnchor) {
      end--;
    }
    Node n = alternation();
    if (pos != end) {
      throw new Unsupported(); // a ')' without its '(' (re2j rejects it first)
    }
    if ((start || endAnchor) && n instanceof Node.Alternate) {
      // "^a|b" anchors the first alternative only.
      throw new Unsupported();
    }
    return new Parsed(n, start, endAnchor);
  }

  /**
   * The characters every whole-text match starts with: the pattern's leading single characters,
   * through groups that are literal throughout; a repeated character counts once when it must
   * occur.
   */
  static String literalPrefix(Node node) {
    StringBuilder sb = new StringBuilder();
    literal(node, sb);
    return sb.toString();
  }

  /** Appends the literal start of a node; whether all of the node was literal. */
  private static boolean literal(Node node, StringBuilder sb) {
    if (node instanceof Node.Chars c) {
      int single = single(c.set());
      if (single < 0) {
        return false;
      }
      sb.append((char) single);
      return true;
    }
    if (node instanceof Node.Concat c) {
      for (Node part : c.parts()) {
        if (!literal(part, sb)) {
          return false;
        }
      }
      return true;
    }
    if (node instanceof Node.Repeat r && r.min() >= 1) {
      literal(r.node(), sb);
      return false;
    }
    return node instanceof Node.Empty;
  }

  /** The character of a node that stands for exactly one ASCII character, else -1. */
  static int singleChar(Node node) {
    return node instanceof Node.Chars c ? single(c.set()) : -1;
  }

  /** Whether the character at {@code i} follows an odd number of backslashes. */
  private boolean escaped(int i) {
    int n = 0;
    while (i - n - 1 >= 0 && text.charAt(i - n - 1) == '\\') {
      n++;
    }
    return n % 2 == 1;
  }

  private Node alternation() {
    List<Node> alternatives = new ArrayList<>();
    alternatives.add(concatenation());
    while (pos < end && text.charAt(pos) == '|') {
      pos++;
      alternatives.add(concatenation());
    }
    return alternatives.size() == 1 ? alternatives.get(0) : new Node.Alternate(alternatives);
  }

  private Node concatenation() {
    List<Node> parts = new ArrayList<>();
    while (pos < end) {
      char c = text.charAt(pos);
      if (c == '|' || c == ')') {
        break;
      }
      parts.add(quantified(atom()));
    }
    if (parts.isEmpty()) {
      return new Node.Empty();
    }
    return parts.size() == 1 ? parts.get(0) : new Node.Concat(parts);
  }

  private Node quantified(Node atom) {
    if (pos >= end) {
      return atom;
    }
    char c = text.charAt(pos);
    Node n;
    switch (c) {
      case '*' -> {
        pos++;
        n = new Node.Repeat(atom, 0, -1);
      }
      case '+' -> {
        pos++;
        n = new Node.Repeat(atom, 1, -1);
      }
      case '?' -> {
        pos++;
        n = new Node.Repeat(atom, 0, 1);
      }
      case '{' -> n = braces(atom);
      default -> {
        return atom;
      }
    }
    if (pos < end && text.charAt(pos) == '?') {
      pos++; // lazy: prefers fewer repetitions, matches the same texts
    }
    if (pos < end && "*+?{".indexOf(text.charAt(pos)) >= 0) {
      throw new Unsupported();
    }
    return n;
  }

  /** {@code {n}}, {@code {n,}} or {@code {n,m}}; any other brace is outside the subset. */
  private Node braces(Node atom) {
    int i = pos + 1;
    int min = 0;
    int digits = 0;
    while (i < end && Character.isDigit(text.charAt(i)) && digits < 5) {
      min = min * 10 + (text.charAt(i++) - '0');
      digits++;
    }
    if (digits == 0 || i >= end) {
      throw new Unsupported();
    }
    int max = min;
    if (text.charAt(i) == ',') {
      i++;
      max = -1;
      if (i < end && Character.isDigit(text.charAt(i))) {
        max = 0;
        digits = 0;
        while (i < end && Character.isDigit(text.charAt(i)) && digits < 5) {
          max = max * 10 + (text.charAt(i++) - '0');
          digits++;
        }
      }
    }
    if (i >= end || text.charAt(i) != '}' || (max >= 0 && max < min)) {
      throw new Unsupported();
    }
    pos = i + 1;
    return new Node.Repeat(atom, min, max);
  }

  private Node atom() {
    char c = text.charAt(pos);
    switch (c) {
      case '(' -> {
        pos++;
        if (text.startsWith("?:", pos)) {
          pos += 2;
        } else if (text.startsWith("?P<", pos) || text.startsWith("?<", pos)) {
          int close = text.indexOf('>', pos);
          if (close < 0 || close >= end) {
            throw new Unsupported();
          }
          pos = close + 1;
        } else if (pos < end && text.charAt(pos) == '?') {
          throw new Unsupported(); // flags
        }
        Node inner = alternation();
        if (pos >= end || text.charAt(pos) != ')') {
          throw new Unsupported();
        }
        pos++;
        return inner;
      }
      case '[' -> {
        return new Node.Chars(charClass());
      }
      case '.' -> {
        pos++;
        return new Node.Chars(CharSet.DOT);
      }
      case '\\' -> {
        return new Node.Chars(escape());
      }
      case '^', '$', '*', '+', '?', '{', ')', '|' -> throw new Unsupported();
      default -> {
        if (c >= 128) {
          throw new Unsupported();
        }
        pos++;
        return new Node.Chars(CharSet.of(c));
      }
    }
  }

  /** After a backslash: a Perl class, a control character or escaped punctuation. */
  private CharSet escape() {
    if (pos + 1 >= end) {
      throw new Unsupported();
    }
    char c = text.charAt(pos + 1);
    pos += 2;
    return switch (c) {
      case 'd' -> CharSet.DIGIT;
      case 'D' -> CharSet.DIGIT.negate();
      case 'w' -> CharSet.WORD;
      case 'W' -> CharSet.WORD.negate();
      case 's' -> CharSet.SPACE;
      case 'S' -> CharSet.SPACE.negate();
      case 't' -> CharSet.of('\t');
      case 'n' -> CharSet.of('\n');
      case 'r' -> CharSet.of('\r');
      case 'f' -> CharSet.of('\f');
      case 'v' -> CharSet.of(0x0b);
      default -> {
        if (c < 128 && !Character.isLetterOrDigit(c) && c > ' ') {
          yield CharSet.of(c);
        }
        throw new Unsupported();
      }
    };
  }

  /** {@code [...]} or {@code [^...]} of ASCII characters, ranges and Perl classes. */
  private CharSet charClass() {
    pos++;
    boolean negate = pos < end && text.charAt(pos) == '^';
    if (negate) {
      pos++;
    }
    if (pos < end && text.charAt(pos) == ']') {
      throw new Unsupported(); // a leading ']' is a member in RE2: rare, left to re2j
    }
    CharSet set = CharSet.NONE;
    while (true) {
      if (pos >= end) {
        throw new Unsupported();
      }
      char c = text.charAt(pos);
      if (c == ']') {
        pos++;
        break;
      }
      if (c == '[') {
        throw new Unsupported(); // POSIX classes such as [:alpha:]
      }
      int from = member();
      if (from < 0) {
        set = set.or(perl);
        continue;
      }
      if (pos + 1 < end && text.charAt(pos) == '-' && text.charAt(pos + 1) != ']') {
        pos++;
        int to = member();
        if (to < from) {
          throw new Unsupported();
        }
        set = set.or(CharSet.range(from, to));
      } else {
        set = set.or(CharSet.of(from));
      }
    }
    return negate ? set.negate() : set;
  }

  private CharSet perl;

  /**
   * One member of a class: its character, or -1 when it is a Perl class (then in {@link #perl}).
   */
  private int member() {
    char c = text.charAt(pos);
    if (c >= 128) {
      throw new Unsupported();
    }
    if (c != '\\') {
      pos++;
      return c;
    }
    CharSet e = escape();
    int single = single(e);
    if (single >= 0) {
      return single;
    }
    perl = e;
    return -1;
  }

  /** The one ASCII character of a set, or -1. */
  private static int single(CharSet s) {
    if (s.nonAscii()) {
      return -1;
    }
    if (Long.bitCount(s.lo()) + Long.bitCount(s.hi()) != 1) {
      return -1;
    }
    return s.lo() != 0
        ? Long.numberOfTrailingZeros(s.lo())
        : 64 + Long.numberOfTrailingZeros(s.hi());
  }
}
