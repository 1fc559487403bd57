package dev.gwc.regex;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A compiled regular expression with RE2 semantics. Patterns in the subset {@link PatternParser}
 * reads (most patterns of manifests and CRDs: literals, classes, groups, alternation, quantifiers)
 * run on a {@link PositionAutomaton}, ten to a hundred times faster than re2j's machine; the rest
 * on re2j. For whole-text matches the pattern's leading literal characters are compared directly
 * and only the rest needs positions, so long literal paths fit too. Either way a match takes time
 * linear in the text. Immutable and safe to share between threads.
 */
public final class Regex {
  /**
   * Patterns compiled so far, shared by every stage: a CRD's CEL rules apply a few constant
   * patterns to every object, a schema's pattern serves every value of its field, routes repeat the
   * same header patterns by the thousand, and the invalid-regex rule and the simulator compile the
   * same route patterns. Bounded, so that hostile input cannot grow it without limit.
   */
  private static final ConcurrentHashMap<String, Regex> COMPILED = new ConcurrentHashMap<>();

  private static final int MAX_COMPILED = 8192;

  private final String pattern;
  // The parsed pattern, or null when it is outside the automaton subset (re2j then runs it).
  private final PatternParser.Parsed parsed;
  // The leading literal characters of whole-text matches (compared directly), and the node of the
  // rest of the pattern after them.
  private final String head;
  private final Node remainder;
  private final String literalPrefix;
  // The automata for find() (the whole pattern) and for matches() (the rest after the head), each
  // built on its first use, not at compile time: validation compiles every pattern of the input to
  // check it but runs few of them, and the simulator runs whole-text matches only. NONE when the
  // pattern needs re2j (more than 64 positions, or outside the subset).
  private volatile Object whole;
  private volatile Object rest;
  // re2j's program: kept when the pattern is outside the automaton subset, else dropped and
  // compiled again only if an automaton turns out too large.
  private volatile Pattern re2;

  private static final Object UNBUILT = new Object();
  private static final Object NONE = new Object();

  private Regex(String pattern, Pattern re2, PatternParser.Parsed parsed) {
    this.pattern = pattern;
    this.parsed = parsed;
    this.re2 = parsed == null ? re2 : null;
    this.whole = parsed == null ? NONE : UNBUILT;
    this.rest = parsed == null ? NONE : UNBUILT;
    if (parsed == null) {
      this.head = "";
      this.remainder = null;
      this.literalPrefix = "";
      return;
    }
    Node node = parsed.node();
    this.literalPrefix = PatternParser.literalPrefix(node);
    StringBuilder sb = new StringBuilder();
    Node rest = node;
    if (node instanceof Node.Concat c) {
      List<Node> parts = c.parts();
      int k = 0;
      while (k < parts.size() && PatternParser.singleChar(parts.get(k)) >= 0) {
        sb.append((char) PatternParser.singleChar(parts.get(k)));
        k++;
      }
      rest = k == parts.size() ? new Node.Empty() : new Node.Concat(parts.subList(k, parts.size()));
    }
    this.head = sb.toString();
    this.remainder = rest;
  }

  /** The automaton for find(), or null (re2j); built once (two threads may both build it). */
  private PositionAutomaton whole() {
    Object w = whole;
    if (w == UNBUILT) {
      PositionAutomaton a = buildWhole();
      w = a == null ? NONE : a;
      whole = w;
    }
    return built(w);
  }

  /** The automaton for matches() after the head, or null (re2j). */
  private PositionAutomaton rest() {
    Object r = rest;
    if (r == UNBUILT) {
      PositionAutomaton a = head.isEmpty() ? whole() : buildRest();
      r = a == null ? NONE : a;
      rest = r;
    }
    return built(r);
  }

  private PositionAutomaton buildWhole() {
    return PositionAutomaton.of(parsed.node(), parsed.anchoredStart(), parsed.anchoredEnd());
  }

  private PositionAutomaton buildRest() {
    return PositionAutomaton.of(remainder, false, false);
  }

  /** The automaton a built field holds, or null for NONE. */
  private static PositionAutomaton built(Object field) {
    return field == NONE ? null : (PositionAutomaton) field;
  }

  private Pattern re2() {
    Pattern p = re2;
    if (p == null) {
      p = Pattern.compile(pattern); // compiled before, so valid
      re2 = p;
    }
    return p;
  }

  /** Thrown by {@link #compile} for a pattern that is not valid RE2. */
  public static final class SyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String description;

    SyntaxException(String message, String description) {
      super(message);
      this.description = description;
    }

    /** What is wrong, without the pattern (e.g. {@code missing closing )}). */
    public String description() {
      return description;
    }
  }

  /**
   * Compiles a pattern, or returns the one compiled before (immutable, so shared).
   *
   * @throws SyntaxException when it is not valid RE2
   */
  public static Regex compile(String pattern) {
    Regex known = COMPILED.get(pattern);
    if (known != null) {
      return known;
    }
    Regex fresh = compileNew(pattern);
    if (COMPILED.size() < MAX_COMPILED) {
      COMPILED.putIfAbsent(pattern, fresh);
    }
    return fresh;
  }

  private static Regex compileNew(String pattern) {
    String shape = Repetitions.problem(pattern);
    if (shape != null) {
      throw new SyntaxException("regular expression refused: " + shape, shape);
    }
    Pattern re2;
    try {
      re2 = Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new SyntaxException(e.getMessage(), e.getDescription());
    }
    return new Regex(pattern, re2, PatternParser.parse(pattern));
  }

  /** Whether the whole text matches. */
  public boolean matches(CharSequence text) {
    PositionAutomaton r = rest();
    if (r == null) {
      return re2().matcher(text).matches();
    }
    int n = head.length();
    if (text.length() < n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (text.charAt(i) != head.charAt(i)) {
        return false;
      }
    }
    return r.matches(text, n);
  }

  /**
   * Whether the whole text matches, when the caller has already checked that it starts with the
   * first {@code checked} characters of {@link #literalPrefix} (an index that filters by the prefix
   * saves comparing them again).
   */
  public boolean matches(CharSequence text, int checked) {
    PositionAutomaton r = rest();
    if (r == null || checked < head.length()) {
      return matches(text);
    }
    return r.matches(text, head.length());
  }

  /**
   * The whole-text matcher written as ints, for a caller that keeps it among its own data (one read
   * of neighbouring memory instead of following this object to its automaton): the leading literal
   * characters (their number, then two to an int, the first in the low half), then the automaton's
   * tables. Null when the pattern runs on re2j. Run it with {@link #matches(int[], int,
   * CharSequence, int)}.
   */
  public int[] encoded() {
    // Built for the copy and not kept, unless it was already: the caller runs the copy.
    Object r0 = rest;
    Object w = whole;
    PositionAutomaton r =
        r0 != UNBUILT
            ? built(r0)
            : !head.isEmpty() ? buildRest() : w != UNBUILT ? built(w) : buildWhole();
    if (r == null) {
      return null;
    }
    int[] automaton = r.encode();
    int n = head.length();
    int chars = (n + 1) / 2;
    int[] out = new int[1 + chars + automaton.length];
    out[0] = n;
    for (int i = 0; i < n; i++) {
      out[1 + (i >> 1)] |= head.charAt(i) << ((i & 1) << 4);
    }
    System.arraycopy(automaton, 0, out, 1 + chars, automaton.length);
    return out;
  }

  /**
   * {@link #matches(CharSequence, int)} of a pattern {@link #encoded} at {@code code[at]}: whether
   * the whole text matches, when it is known to start with the first {@code checked} characters of
   * the pattern's {@link #literalPrefix}.
   */
  public static boolean matches(int[] code, int at, CharSequence text, int checked) {
    int n = code[at];
    if (text.length() < n) {
      return false;
    }
    for (int i = checked; i < n; i++) {
      if (text.charAt(i) != (char) (code[at + 1 + (i >> 1)] >>> ((i & 1) << 4))) {
        return false;
      }
    }
    return PositionAutomaton.matches(code, at + 1 + (n + 1) / 2, text, n);
  }

  /**
   * Whether some part of the text matches (RE2's partial match; {@code ^} and {@code $} anchor).
   */
  public boolean find(CharSequence text) {
    PositionAutomaton w = whole();
    return w != null ? w.find(text) : re2().matcher(text).find();
  }

  /** Whether the fast path runs this pattern's whole-text and partial matches (for tests). */
  boolean automaton() {
    return whole() != null && rest() != null;
  }

  /** Whether the fast path runs this pattern's whole-text matches (for tests). */
  boolean wholeTextAutomaton() {
    return rest() != null;
  }

  /**
   * Characters that every text this pattern {@link #matches} starts with (its leading literal
   * characters; empty when it has none or is outside the automaton subset), so that an index can
   * rule most texts out without running the pattern.
   */
  public String literalPrefix() {
    return literalPrefix;
  }

  /** A pattern as messages quote it: in single quotes, cut after 80 characters. */
  public static String quoted(String pattern) {
    return "'" + (pattern.length() > 80 ? pattern.substring(0, 80) + "…" : pattern) + "'";
  }

  /** The pattern as written. */
  public String pattern() {
    return pattern;
  }

  @Override
  public String toString() {
    return pattern;
  }
}
