package dev.gwc.yaml;

import dev.gwc.diag.Diagnostic;
import dev.gwc.diag.ResourceRef;
import dev.gwc.source.SourceFile;
import dev.gwc.source.SourceSpan;
import java.util.Locale;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;

/**
 * Turns snakeyaml-engine's syntax errors into one readable diagnostic, and recognises the mistakes
 * behind the most confusing ones (a full-width colon, a tab used for indentation).
 */
final class SyntaxErrors {
  private SyntaxErrors() {}

  static Diagnostic describe(
      SourceFile source, int document, int firstLine, MarkedYamlEngineException e) {
    Mark mark = e.getProblemMark().orElse(e.getContextMark().orElse(null));
    int line = mark == null ? firstLine + 1 : firstLine + mark.getLine() + 1;
    int column = mark == null ? 1 : mark.getColumn() + 1;
    String problem = clean(e.getProblem() == null ? e.getMessage() : e.getProblem());
    String context =
        e.getContext() == null || e.getContext().isBlank() ? null : clean(e.getContext());
    String message = context == null ? problem : context + ": " + problem;

    // Look back from the error for a character that looks like YAML syntax but is not.
    for (int l = line; l >= Math.max(firstLine + 1, line - 50); l--) {
      String text = source.line(l);
      int fw = text.indexOf('\uFF1A');
      // Only where a key's colon would be: not inside a value, a quoted string or a comment.
      if (fw >= 0 && text.substring(0, fw).chars().noneMatch(c -> ":#\"'".indexOf(c) >= 0)) {
        return YamlRules.SYNTAX.at(
            new SourceSpan(source.name(), document, l, text.codePointCount(0, fw) + 1),
            "full-width colon '\uFF1A' (U+FF1A) is not a YAML key separator; use ':' followed by a space",
            ResourceRef.NONE,
            null);
      }
    }
    String text = source.line(line);
    if (message.contains("TAB")) {
      // snakeyaml's own wording repeats itself; say it once.
      message =
          "found a tab character where YAML expects indentation (tabs cannot indent YAML; use spaces)";
    } else if (text.startsWith("\t")
        || (column <= text.length() && text.substring(0, Math.max(0, column - 1)).contains("\t"))) {
      message += " (tabs cannot indent YAML; use spaces)";
    }
    return YamlRules.SYNTAX.at(
        new SourceSpan(source.name(), document, line, column), message, ResourceRef.NONE, null);
  }

  /**
   * A character the reader rejects (a control character), at its own line and column: the reader
   * reports only its code point offset in the document's text.
   */
  static Diagnostic describe(
      String file, int document, int firstLine, String part, ReaderException e) {
    int offset =
        part.offsetByCodePoints(
            0, Math.max(0, Math.min(e.getPosition(), part.codePointCount(0, part.length()))));
    int lineStart = part.lastIndexOf('\n', offset - 1) + 1;
    int line =
        firstLine + 1 + (int) part.substring(0, lineStart).chars().filter(c -> c == '\n').count();
    int column = part.codePointCount(lineStart, offset) + 1;
    return YamlRules.SYNTAX.at(
        new SourceSpan(file, document, line, column),
        String.format(Locale.ROOT, "%s (U+%04X)", clean(e.getMessage()), e.getCodePoint()),
        ResourceRef.NONE,
        null);
  }

  /** A snakeyaml message as one lowercase line without the reader's name or snippet. */
  static String clean(String message) {
    if (message == null) {
      return "syntax error";
    }
    String first = message.strip();
    int nl = first.indexOf('\n');
    if (nl >= 0) {
      first = first.substring(0, nl).strip();
    }
    if (first.endsWith(".")) {
      first = first.substring(0, first.length() - 1);
    }
    if (!first.isEmpty()
        && Character.isUpperCase(first.charAt(0))
        && (first.length() < 2 || !Character.isUpperCase(first.charAt(1)))) {
      first = first.substring(0, 1).toLowerCase(Locale.ROOT) + first.substring(1);
    }
    return first;
  }
}
