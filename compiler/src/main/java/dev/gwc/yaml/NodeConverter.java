package dev.gwc.yaml;

import dev.gwc.diag.Diagnostic;
import dev.gwc.diag.ResourceRef;
import dev.gwc.source.SourceSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Converts one composed snakeyaml document into {@link YNode}s; one instance per document. */
final class NodeConverter {
  /** Deepest nesting accepted; real manifests stay far below. */
  static final int MAX_DEPTH = 200;

  /** Most nodes a document may expand to through aliases. */
  static final long MAX_EXPANDED_NODES = 2_000_000;

  private final String file;
  private final int document;
  private final int firstLine;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Map<Node, YNode> converted = new IdentityHashMap<>();
  private final Map<YNode, Long> sizes = new IdentityHashMap<>();
  private boolean depthReported;
  private long mergedEntries;

  NodeConverter(String file, int document, int firstLine) {
    this.file = file;
    this.document = document;
    this.firstLine = firstLine;
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  YNode convert(Node root) {
    YNode result = convert(root, 0);
    if (mergedEntries > MAX_EXPANDED_NODES
        || (!converted.isEmpty() && hasAliases && expandedSize(result, 0) > MAX_EXPANDED_NODES)) {
      diagnostics.add(
          YamlRules.LIMIT.at(
              spanOf(root),
              "aliases expand this document to more than "
                  + MAX_EXPANDED_NODES
                  + " nodes; the document is skipped",
              ResourceRef.NONE,
              null));
      return null;
    }
    return result;
  }

  private boolean hasAliases;

  private YNode convert(Node node, int depth) {
    YNode done = converted.get(node);
    if (done != null) {
      hasAliases = true;
      return done;
    }
    if (depth > MAX_DEPTH) {
      if (!depthReported) {
        depthReported = true;
        diagnostics.add(
            YamlRules.LIMIT.at(
                spanOf(node),
                "nesting deeper than " + MAX_DEPTH + " levels; the rest is not read",
                ResourceRef.NONE,
                null));
      }
      return new YScalar(spanOf(node), YScalar.NULL, "", true);
    }
    YNode result;
    if (node instanceof ScalarNode s) {
      result = scalar(s);
    } else if (node instanceof SequenceNode seq) {
      List<YNode> items = new ArrayList<>(seq.getValue().size());
      for (Node item : seq.getValue()) {
        items.add(convert(item, depth + 1));
      }
      result = new YSeq(spanOf(node), items);
    } else {
      result = mapping((MappingNode) node, depth);
    }
    converted.put(node, result);
    return result;
  }

  private YMap mapping(MappingNode node, int depth) {
    MappingEntries entries = new MappingEntries();
    List<YEntry> merged = new ArrayList<>();
    for (NodeTuple t : node.getValue()) {
      Node keyNode = t.getKeyNode();
      if (!(keyNode instanceof ScalarNode k)) {
        diagnostics.add(
            YamlRules.SYNTAX.at(
                spanOf(keyNode),
                "a mapping key must be a plain value, not " + describe(keyNode),
                ResourceRef.NONE,
                null));
        continue;
      }
      if (k.getValue().equals("<<") && k.getScalarStyle() == ScalarStyle.PLAIN) {
        collectMerge(t.getValueNode(), depth, merged);
        continue;
      }
      entries.add(new YEntry(keyScalar(k), convert(t.getValueNode(), depth + 1)), diagnostics);
    }
    for (YEntry m : merged) {
      entries.addIfAbsent(m);
    }
    return new YMap(spanOf(node), entries.list());
  }

  /** Merge keys: a mapping or a list of mappings whose entries fill in absent keys, first wins. */
  private void collectMerge(Node value, int depth, List<YEntry> out) {
    List<Node> sources = new ArrayList<>();
    if (value instanceof SequenceNode seq) {
      sources.addAll(seq.getValue());
    } else {
      sources.add(value);
    }
    Set<String> names = new HashSet<>();
    for (YEntry e : out) {
      names.add(e.name());
    }
    for (Node source : sources) {
      YNode n = convert(source, depth + 1);
      if (n instanceof YMap m) {
        // Merged entries are copies, which aliases do not share: count them against the limit.
        mergedEntries += m.entries().size();
        if (mergedEntries > MAX_EXPANDED_NODES) {
          return;
        }
        for (YEntry e : m.entries()) {
          if (names.add(e.name())) {
            out.add(e);
          }
        }
      } else {
        diagnostics.add(
            YamlRules.SYNTAX.at(
                spanOf(source),
                "a merge key '<<' needs a mapping or a list of mappings, not " + n.typeName(),
                ResourceRef.NONE,
                null));
      }
    }
  }

  private YScalar keyScalar(ScalarNode k) {
    return new YScalar(
        spanOf(k), k.getValue(), k.getValue(), k.getScalarStyle() == ScalarStyle.PLAIN);
  }

  private YScalar scalar(ScalarNode s) {
    String text = s.getValue();
    boolean plain = s.getScalarStyle() == ScalarStyle.PLAIN;
    Tag tag = s.getTag();
    Object value;
    if (tag.equals(Tag.NULL)) {
      value = YScalar.NULL;
    } else if (tag.equals(Tag.BOOL)) {
      Object b = ScalarResolver.resolvePlain(text);
      value = b instanceof Boolean ? b : text;
    } else if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
      Object n = ScalarResolver.number(text);
      if (n instanceof Long l && tag.equals(Tag.FLOAT)) {
        n = l.doubleValue();
      }
      value = n == null ? text : n;
    } else if (plain
        && (tag.equals(Tag.STR) ? s.isResolved() : !tag.getValue().startsWith(Tag.PREFIX))) {
      // Implicit (or application-specific) tags resolve as kubectl does; explicit !!str is text.
      value = ScalarResolver.resolvePlain(text);
    } else {
      value = text; // quoted, !!str, !!binary, !!timestamp: text, as in JSON
    }
    return new YScalar(spanOf(s), value, text, plain);
  }

  private long expandedSize(YNode node, int depth) {
    Long known = sizes.get(node);
    if (known != null) {
      return known;
    }
    long size = 1;
    if (node instanceof YMap m) {
      for (YEntry e : m.entries()) {
        size += expandedSize(e.value(), depth + 1);
        if (size > MAX_EXPANDED_NODES) {
          break;
        }
      }
    } else if (node instanceof YSeq s) {
      for (YNode item : s.items()) {
        size += expandedSize(item, depth + 1);
        if (size > MAX_EXPANDED_NODES) {
          break;
        }
      }
    }
    sizes.put(node, size);
    return size;
  }

  private SourceSpan spanOf(Node node) {
    return node.getStartMark()
        .map(m -> YamlLoader.span(file, document, firstLine, m))
        .orElse(new SourceSpan(file, document, 0, 0));
  }

  private static String describe(Node n) {
    return n instanceof SequenceNode ? "a list" : "a mapping";
  }
}
