package dev.gwc.regex;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A compiled regular expression with RE2 semantics. Patterns in the subset {@link PatternParser}
 * reads (most patterns of manifests and CRDs: literals, classes, groups, alternation, quantifiers)
 * run on a {@link PositionAutomaton}, ten to a hundred times faster than re2j's machine; the rest
 * on re2j. Either way a match takes time linear in the text. Immutable and safe to share between
 * threads.
 */
public final class Regex {
  private final String pattern;
  private final Pattern re2;
  private final PositionAutomaton automaton;

  private Regex(String pattern, Pattern re2, PositionAutomaton automaton) {
    this.pattern = pattern;
    this.re2 = re2;
    this.automaton = automaton;
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
   * Compiles a pattern.
   *
   * @throws SyntaxException when it is not valid RE2
   */
  public static Regex compile(String pattern) {
    if (Repetitions.worst(pattern) > Repetitions.MAX) {
      throw new SyntaxException(
          "invalid nested repetition operator in '" + pattern + "'",
          "nested repetitions make more than " + Repetitions.MAX + " copies");
    }
    Pattern re2;
    try {
      re2 = Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new SyntaxException(e.getMessage(), e.getDescription());
    }
    return new Regex(pattern, re2, PositionAutomaton.of(pattern));
  }

  /** Whether the whole text matches. */
  public boolean matches(CharSequence text) {
    return automaton != null ? automaton.matches(text) : re2.matcher(text).matches();
  }

  /**
   * Whether some part of the text matches (RE2's partial match; {@code ^} and {@code $} anchor).
   */
  public boolean find(CharSequence text) {
    return automaton != null ? automaton.find(text) : re2.matcher(text).find();
  }

  /** Whether the fast path runs this pattern (for tests and benchmarks). */
  boolean automaton() {
    return automaton != null;
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
