package dev.gwc.regex;

import java.util.List;

/** A parsed pattern of the subset {@link PatternParser} accepts. */
sealed interface Node {
  /** One character of a set. */
  record Chars(CharSet set) implements Node {}

  /** The empty string (an empty alternative, {@code ()}). */
  record Empty() implements Node {}

  /** Each part in turn. */
  record Concat(List<Node> parts) implements Node {}

  /** Any one of the alternatives. */
  record Alternate(List<Node> alternatives) implements Node {}

  /**
   * Between {@code min} and {@code max} repetitions ({@code max} -1: no limit).
   *
   * @param node what is repeated
   * @param min at least this many times
   * @param max at most this many, or -1
   */
  record Repeat(Node node, int min, int max) implements Node {}
}
