package dev.gwc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What each package may use. Every package lists the packages it may import, so a new arrow is a
 * decision written here, not an accident; the lists form no cycle. Within a package, files that
 * refer to each other in a ring stay a handful, so that a package can be read a few files at a
 * time. Only {@code cli} imports picocli or writes to standard output.
 */
class LayeringTest {
  /** Per package (under {@code dev.gwc}), the packages it may use besides itself. */
  static final Map<String, Set<String>> ALLOWED = allowed();

  private static Map<String, Set<String>> allowed() {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    // How stages spread work over the cores; RE2 matching for every stage.
    m.put("concurrent", Set.of());
    m.put("regex", Set.of());
    // Reading: sources, diagnostics, YAML, resources.
    m.put("source", Set.of());
    m.put("diag", Set.of("source"));
    m.put("yaml", Set.of("source", "diag"));
    m.put("resource", Set.of("source", "diag", "yaml"));
    // Validating one resource.
    m.put("validate.cel", Set.of("regex"));
    m.put("validate.schema", Set.of("source", "diag", "yaml", "regex", "validate.cel"));
    m.put("validate", Set.of("diag", "yaml", "resource", "validate.cel", "validate.schema"));
    // The set: references, rules, status, conversion, the pipeline that runs them all.
    // TLS material (PEM certificates and keys).
    m.put("tls", Set.of());
    m.put("graph", Set.of("concurrent", "diag", "yaml", "resource", "tls"));
    m.put("rules", Set.of("regex", "diag", "yaml", "resource"));
    m.put("status", Set.of("yaml", "resource", "graph"));
    // Edits of manifests in place: text and tree in, text out.
    m.put("edit", Set.of("source", "yaml", "resource"));
    // ingress-nginx's annotation names and how the controller reads them.
    m.put("nginx", Set.of());
    // Istio's host names and its cross-resource checks.
    m.put("istio", Set.of("diag", "yaml", "resource"));
    m.put(
        "convert",
        Set.of(
            "concurrent",
            "source",
            "diag",
            "yaml",
            "resource",
            "validate.schema",
            "nginx",
            "istio"));
    m.put(
        "pipeline",
        Set.of(
            "concurrent",
            "source",
            "diag",
            "yaml",
            "resource",
            "validate.cel",
            "validate.schema",
            "validate",
            "graph",
            "rules",
            "status",
            "istio"));
    // The data planes: routing tables built from the compiled set (the only package on this side
    // that reads it), the simulator that routes requests through them, then what reads and writes
    // traffic around it.
    m.put(
        "table",
        Set.of("concurrent", "regex", "yaml", "resource", "graph", "pipeline", "nginx", "istio"));
    m.put("sim", Set.of("concurrent", "regex", "table"));
    m.put(
        "migrate",
        Set.of(
            "regex", "yaml", "resource", "nginx", "istio", "convert", "pipeline", "table", "sim"));
    m.put(
        "output",
        Set.of(
            "source", "diag", "yaml", "graph", "convert", "pipeline", "table", "sim", "migrate"));
    m.put("traffic", Set.of("concurrent", "source", "diag", "yaml", "table", "sim", "output"));
    m.put("map", Set.of("source", "diag", "yaml", "graph", "pipeline", "table", "sim"));
    m.put("serve", Set.of("table", "sim", "output", "tls"));
    m.put(
        "cli",
        Set.of(
            "concurrent",
            "source",
            "diag",
            "yaml",
            "resource",
            "validate.cel",
            "validate.schema",
            "convert",
            "pipeline",
            "table",
            "sim",
            "migrate",
            "output",
            "traffic",
            "serve",
            "map",
            "edit"));
    return m;
  }

  /** The most files of one package that may refer to each other in a ring. */
  private static final int HANDFUL = 6;

  /**
   * Packages whose ring is larger today, at their present size so that it cannot grow: picocli's
   * command tree (the top command lists its subcommands, each names its parent) and the graph's
   * resolvers.
   */
  private static final Map<String, Integer> KNOWN_RINGS = Map.of("cli", 9, "graph", 8);

  private static final Pattern QUALIFIED = Pattern.compile("\\bdev\\.gwc\\.([a-z.]+)\\.[A-Z]");

  private static final Path MAIN = Gwc.root().resolve("compiler/src/main/java/dev/gwc");

  @Test
  void packages_importOnlyWhatTheyAreAllowed() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, List<Path>> e : packages().entrySet()) {
      String pkg = e.getKey();
      Set<String> allowed = ALLOWED.get(pkg);
      if (allowed == null) {
        violations.add("package dev.gwc." + pkg + " is not listed in LayeringTest.ALLOWED");
        continue;
      }
      for (Path f : e.getValue()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        Matcher m = QUALIFIED.matcher(text);
        while (m.find()) {
          String target = m.group(1);
          if (!target.equals(pkg) && !allowed.contains(target)) {
            violations.add(MAIN.relativize(f) + " (" + pkg + ") uses " + target);
          }
        }
        if (!pkg.equals("cli")) {
          if (text.contains("import picocli")) {
            violations.add(MAIN.relativize(f) + " imports picocli outside cli");
          }
          if (text.contains("System.out") || text.contains("System.err")) {
            violations.add(MAIN.relativize(f) + " writes to System.out/err outside cli");
          }
        }
      }
    }
    assertTrue(violations.isEmpty(), () -> String.join("\n", violations));
  }

  @Test
  void allowedUses_formNoCycle() {
    for (String pkg : ALLOWED.keySet()) {
      Deque<String> todo = new ArrayDeque<>(ALLOWED.get(pkg));
      Set<String> seen = new TreeSet<>();
      while (!todo.isEmpty()) {
        String p = todo.pop();
        assertTrue(!p.equals(pkg), () -> "dev.gwc." + pkg + " may use itself through " + seen);
        assertTrue(ALLOWED.containsKey(p), () -> pkg + " lists an unknown package " + p);
        if (seen.add(p)) {
          todo.addAll(ALLOWED.get(p));
        }
      }
    }
  }

  @Test
  void filesOfAPackage_referToEachOtherInSmallRingsOnly() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, List<Path>> e : packages().entrySet()) {
      int limit = KNOWN_RINGS.getOrDefault(e.getKey(), HANDFUL);
      for (Set<String> ring : rings(e.getValue())) {
        if (ring.size() > limit) {
          violations.add(
              "dev.gwc." + e.getKey() + ": " + ring.size() + " files in one ring " + ring);
        }
      }
    }
    assertTrue(violations.isEmpty(), () -> String.join("\n", violations));
  }

  @Test
  void rings_areFound() {
    Map<String, List<String>> refs = new HashMap<>();
    refs.put("A", List.of("B"));
    refs.put("B", List.of("C"));
    refs.put("C", List.of("A", "D"));
    refs.put("D", List.of());
    assertEquals(List.of(Set.of("A", "B", "C")), strongComponents(refs));
  }

  /** The Java files of each package under {@code dev.gwc}, by package name. */
  private static Map<String, List<Path>> packages() throws IOException {
    Map<String, List<Path>> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String pkg = MAIN.relativize(f.getParent()).toString().replace('/', '.');
        out.computeIfAbsent(pkg, k -> new ArrayList<>()).add(f);
      }
    }
    return out;
  }

  /** The rings (of two files or more) among the files of one package. */
  private static List<Set<String>> rings(List<Path> files) throws IOException {
    Map<String, String> text = new TreeMap<>();
    for (Path f : files) {
      String name = f.getFileName().toString().replace(".java", "");
      if (!name.equals("package-info")) {
        String s = Files.readString(f, StandardCharsets.UTF_8);
        text.put(name, s.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", ""));
      }
    }
    Map<String, List<String>> refs = new HashMap<>();
    for (Map.Entry<String, String> e : text.entrySet()) {
      List<String> to = new ArrayList<>();
      for (String other : text.keySet()) {
        if (!other.equals(e.getKey())
            && Pattern.compile("\\b" + other + "\\b").matcher(e.getValue()).find()) {
          to.add(other);
        }
      }
      refs.put(e.getKey(), to);
    }
    return strongComponents(refs);
  }

  /** Tarjan's strongly connected components of two nodes or more. */
  private static List<Set<String>> strongComponents(Map<String, List<String>> refs) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<Set<String>> out = new ArrayList<>();
    for (String v : new TreeSet<>(refs.keySet())) {
      if (!index.containsKey(v)) {
        connect(v, refs, index, low, stack, onStack, out);
      }
    }
    return out;
  }

  private static void connect(
      String v,
      Map<String, List<String>> refs,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      List<Set<String>> out) {
    index.put(v, index.size());
    low.put(v, index.get(v));
    stack.push(v);
    onStack.add(v);
    for (String w : refs.get(v)) {
      if (!index.containsKey(w)) {
        connect(w, refs, index, low, stack, onStack, out);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> ring = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        ring.add(w);
      } while (!w.equals(v));
      if (ring.size() > 1) {
        out.add(ring);
      }
    }
  }
}
