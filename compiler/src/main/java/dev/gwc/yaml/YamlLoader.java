package dev.gwc.yaml;

import dev.gwc.diag.Diagnostic;
import dev.gwc.diag.ResourceRef;
import dev.gwc.source.SourceFile;
import dev.gwc.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * The YAML stage: turns bytes into documents of positioned nodes.
 *
 * <p>The stream is split into documents at {@code ---} lines first, as kubectl does, so that a
 * syntax error costs only its own document. Each part is read by {@link BlockReader} when it is in
 * the plain block style manifests are written in; otherwise (and whenever it is malformed) it is
 * composed by snakeyaml-engine and converted to {@link YNode}s. Either way nodes carry 1-based
 * positions in the whole file. Scalars are resolved as kubectl resolves them ({@link
 * ScalarResolver}); merge keys are applied; duplicate keys, excessive nesting and alias bombs are
 * reported as diagnostics. snakeyaml-engine types never leave this package.
 */
public final class YamlLoader {
  /** Largest input accepted, in code points. */
  public static final int MAX_CODE_POINTS = 256 * 1024 * 1024;

  /**
   * Largest read buffer, in chars. snakeyaml-engine copies its window on every buffer refill, so a
   * token longer than the buffer costs time quadratic in its length; a buffer as large as the
   * document (up to this cap) reads it in one refill.
   */
  private static final int MAX_READ_BUFFER = 16 * 1024 * 1024;

  private YamlLoader() {}

  /** Decodes and loads a file's bytes. */
  public static LoadResult load(String name, byte[] bytes) {
    TextDecoder.Decoded decoded = TextDecoder.decode(bytes);
    if (decoded.text() == null) {
      Diagnostic d =
          YamlRules.INVALID_ENCODING.at(
              new SourceSpan(name, 0, decoded.line(), decoded.line() > 0 ? 1 : 0),
              decoded.problem(),
              ResourceRef.NONE,
              null);
      return new LoadResult(null, List.of(), List.of(d));
    }
    LoadResult loaded = load(new SourceFile(name, decoded.text()));
    if (loaded.diagnostics().stream().anyMatch(d -> d.rule().equals(YamlRules.SYNTAX.id()))) {
      Diagnostic template = template(name, decoded.text());
      if (template != null) {
        return new LoadResult(loaded.source(), List.of(), List.of(template));
      }
    }
    return loaded;
  }

  /**
   * A Go template action as Helm writes them: {@code {{ .Values.x }}}, {@code {{- include ... }}}.
   */
  private static final java.util.regex.Pattern TEMPLATE_ACTION =
      java.util.regex.Pattern.compile("\\{\\{-?\\s*(?:[.$]|[a-z]+\\b|/\\*)");

  /**
   * The finding for a file that is a template rather than a manifest (its YAML errors come from
   * template actions), at the first action; null when the file holds none.
   */
  private static Diagnostic template(String name, String text) {
    java.util.regex.Matcher m = TEMPLATE_ACTION.matcher(text);
    if (!m.find()) {
      return null;
    }
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < m.start(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return YamlRules.TEMPLATE_SOURCE.at(
        new SourceSpan(name, 0, line, m.start() - lineStart + 1),
        "this file is a template (Go template actions such as '"
            + text.substring(m.start(), Math.min(text.length(), m.end() + 12)).strip()
            + "...'), not a manifest; render it first, e.g. helm template CHART | gwc validate -",
        ResourceRef.NONE,
        null);
  }

  /** Loads every document of a decoded file. */
  public static LoadResult load(SourceFile source) {
    return load(source, true);
  }

  /** Loads every document with snakeyaml-engine alone (to compare the readers in tests). */
  static LoadResult loadComposed(SourceFile source) {
    return load(source, false);
  }

  private static LoadResult load(SourceFile source, boolean blockReader) {
    List<YamlDocument> docs = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    int docIndex = 0;
    for (Chunk chunk : split(source)) {
      docIndex = loadChunk(source, chunk, docIndex, docs, diags, blockReader);
    }
    return new LoadResult(source, docs, diags);
  }

  /** A part of the stream between {@code ---} lines; {@code firstLine} is 0-based. */
  private record Chunk(int start, int end, int firstLine) {}

  private static List<Chunk> split(SourceFile source) {
    String text = source.text();
    int n = text.length();
    List<Chunk> chunks = new ArrayList<>();
    int chunkStart = 0;
    int chunkLine = 0;
    int lines = source.lineCount();
    for (int line = 0; line < lines; line++) {
      int i = source.lineStart(line);
      if (i >= n) {
        break; // the empty line after a final line break
      }
      if (i > chunkStart) {
        int eol = line + 1 < lines ? source.lineStart(line + 1) - 1 : n;
        if (isSeparator(text, i, eol)) {
          chunks.add(new Chunk(chunkStart, i, chunkLine));
          chunkStart = i;
          chunkLine = line;
        }
      }
    }
    chunks.add(new Chunk(chunkStart, n, chunkLine));
    return chunks;
  }

  private static boolean isSeparator(String text, int from, int to) {
    if (to - from < 3 || !text.startsWith("---", from)) {
      return false;
    }
    return to - from == 3 || Character.isWhitespace(text.charAt(from + 3));
  }

  private static int loadChunk(
      SourceFile source,
      Chunk chunk,
      int docIndex,
      List<YamlDocument> docs,
      List<Diagnostic> diags,
      boolean blockReader) {
    String part = source.text().substring(chunk.start(), chunk.end());
    if (part.isBlank()) {
      return docIndex;
    }
    if (blockReader && part.length() <= MAX_CODE_POINTS) {
      YNode json = JsonReader.read(source.name(), docIndex, chunk.firstLine(), part);
      if (json != null) {
        docs.add(new YamlDocument(source, docIndex, json));
        return docIndex + 1;
      }
      BlockReader.Read read = BlockReader.read(source.name(), docIndex, chunk.firstLine(), part);
      if (read != null) {
        if (read.root() == null) {
          return docIndex;
        }
        diags.addAll(read.diagnostics());
        docs.add(new YamlDocument(source, docIndex, read.root()));
        return docIndex + 1;
      }
    }
    LoadSettings settings =
        LoadSettings.builder()
            .setSchema(new FailsafeSchema())
            .setAllowDuplicateKeys(true)
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(1000)
            .setCodePointLimit(MAX_CODE_POINTS)
            .setBufferSize(Math.min(part.length(), MAX_READ_BUFFER))
            .setUseMarks(true)
            .build();
    int index = docIndex;
    try {
      for (Node node : new Compose(settings).composeAllFromString(part)) {
        NodeConverter converter = new NodeConverter(source.name(), index, chunk.firstLine());
        YNode root = converter.convert(node);
        diags.addAll(converter.diagnostics());
        docs.add(new YamlDocument(source, index, root));
        index++;
      }
    } catch (MarkedYamlEngineException e) {
      diags.add(SyntaxErrors.describe(source, index, chunk.firstLine(), e));
      index++;
    } catch (ReaderException e) {
      diags.add(SyntaxErrors.describe(source.name(), index, chunk.firstLine(), part, e));
      index++;
    } catch (YamlEngineException e) {
      // snakeyaml-engine's own limits (aliases, size) say "exceeds"; they are limits, not syntax.
      boolean limit = String.valueOf(e.getMessage()).contains("exceeds");
      diags.add(
          (limit ? YamlRules.LIMIT : YamlRules.SYNTAX)
              .at(
                  new SourceSpan(source.name(), index, chunk.firstLine() + 1, 1),
                  SyntaxErrors.clean(e.getMessage()),
                  ResourceRef.NONE,
                  null));
      index++;
    } catch (StackOverflowError e) {
      diags.add(
          YamlRules.LIMIT.at(
              new SourceSpan(source.name(), index, chunk.firstLine() + 1, 1),
              "document is nested too deeply to read",
              ResourceRef.NONE,
              null));
      index++;
    }
    return index;
  }

  /** Converts a snakeyaml mark (0-based, relative to the chunk) to a span in the file. */
  static SourceSpan span(String file, int document, int firstLine, Mark mark) {
    return new SourceSpan(file, document, firstLine + mark.getLine() + 1, mark.getColumn() + 1);
  }
}
