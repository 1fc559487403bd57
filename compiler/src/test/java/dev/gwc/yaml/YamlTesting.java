package dev.gwc.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gwc.diag.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Small helpers shared by the YAML stage's tests. */
final class YamlTesting {
  private YamlTesting() {}

  static final String FILE = "in.yaml";

  static LoadResult load(String text) {
    return YamlLoader.load(FILE, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The root of the document with this index; fails when there is none. */
  static YNode root(LoadResult r, int index) {
    for (YamlDocument d : r.documents()) {
      if (d.index() == index) {
        assertNotNull(d.root(), "document " + index + " has no root");
        return d.root();
      }
    }
    return fail("no document " + index + " in " + describe(r));
  }

  /**
   * The node at a path such as {@code spec.ports[0].port}, or {@code #key} after a name for the key
   * scalar itself ({@code metadata.name#key}).
   */
  static YNode at(YNode root, String path) {
    if (path.isEmpty()) {
      return root;
    }
    boolean key = path.endsWith("#key");
    String p = key ? path.substring(0, path.length() - 4) : path;
    YNode node = root;
    YEntry last = null;
    for (String part : p.split("\\.")) {
      String name = part;
      List<Integer> indexes = new ArrayList<>();
      int bracket = part.indexOf('[');
      if (bracket >= 0) {
        name = part.substring(0, bracket);
        for (String i : part.substring(bracket + 1, part.length() - 1).split("\\]\\[")) {
          indexes.add(Integer.parseInt(i));
        }
      }
      if (!name.isEmpty()) {
        if (!(node instanceof YMap m) || m.entry(name) == null) {
          return fail("no '" + name + "' in " + Plain.of(node) + " (path " + path + ")");
        }
        last = m.entry(name);
        node = last.value();
      }
      for (int i : indexes) {
        node = ((YSeq) node).items().get(i);
      }
    }
    return key ? last.key() : node;
  }

  /** "line:column" of a node. */
  static String pos(YNode node) {
    return node.span().line() + ":" + node.span().column();
  }

  /** "line:column" of a diagnostic. */
  static String pos(Diagnostic d) {
    return d.span().line() + ":" + d.span().column();
  }

  static List<String> rules(LoadResult r) {
    return r.diagnostics().stream().map(Diagnostic::rule).collect(Collectors.toList());
  }

  /** The only diagnostic; fails when there are none or several. */
  static Diagnostic single(LoadResult r) {
    assertEquals(1, r.diagnostics().size(), () -> "diagnostics: " + r.diagnostics());
    return r.diagnostics().get(0);
  }

  static String describe(LoadResult r) {
    StringBuilder sb = new StringBuilder();
    for (YamlDocument d : r.documents()) {
      sb.append(d.index()).append('=').append(d.root() == null ? "none" : Plain.of(d.root()));
      sb.append(' ');
    }
    return sb.append(r.diagnostics()).toString();
  }
}
