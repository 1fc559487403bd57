package dev.gwc.edit;

import dev.gwc.resource.Manifest;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import dev.gwc.yaml.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The edits gwc makes to one object's manifest: each returns the file's new text. */
public final class Edits {
  private Edits() {}

  /**
   * A listener to add.
   *
   * @param name its name
   * @param port its port
   * @param protocol HTTP, HTTPS, TLS, TCP or UDP
   * @param hostname its hostname, or null
   * @param certificate the TLS Secret ({@code name} or {@code namespace/name}) it terminates with,
   *     or null (a TLS listener without one passes TLS through)
   * @param allowedRoutes Same, All or Selector, or null for the default
   * @param namespaceLabels the labels a Selector matches (empty for Same and All)
   */
  public record Listener(
      String name,
      int port,
      String protocol,
      String hostname,
      String certificate,
      String allowedRoutes,
      Map<String, String> namespaceLabels) {
    public Listener {
      namespaceLabels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(namespaceLabels));
    }
  }

  /**
   * A parentRef to attach or detach.
   *
   * @param namespace the Gateway's namespace
   * @param name the Gateway's name
   * @param sectionName the listener, or null
   * @param port the port, or null
   */
  public record Parent(String namespace, String name, String sectionName, Integer port) {}

  /**
   * A new HTTPRoute or GRPCRoute with one rule.
   *
   * @param kind HTTPRoute or GRPCRoute
   * @param name its name
   * @param namespace its namespace
   * @param hostnames its hostnames (may be empty)
   * @param pathType PathPrefix or Exact (HTTPRoute)
   * @param path the path its rule matches (HTTPRoute)
   * @param method the gRPC service, or SERVICE/METHOD, its rule matches (GRPCRoute; null: all)
   * @param backends its backendRefs
   */
  public record Route(
      String kind,
      String name,
      String namespace,
      List<String> hostnames,
      String pathType,
      String path,
      String method,
      List<Backend> backends) {}

  /**
   * A backendRef.
   *
   * @param service the Service's name
   * @param port its port
   * @param weight its weight, or null for the default
   */
  public record Backend(String service, int port, Integer weight) {
    /**
     * A backend written {@code SVC:PORT} on the command line, or null when it is not.
     *
     * @param weight its weight, or null
     */
    public static Backend parse(String arg, Integer weight) {
      int colon = arg.lastIndexOf(':');
      if (colon <= 0 || !arg.substring(colon + 1).matches("[0-9]{1,5}")) {
        return null;
      }
      return new Backend(
          arg.substring(0, colon), Integer.parseInt(arg.substring(colon + 1)), weight);
    }

    /** The backendRef as it is written: name, port, and the weight when there is one. */
    Map<String, Object> ref() {
      Map<String, Object> ref = new LinkedHashMap<>();
      ref.put("name", service);
      ref.put("port", port);
      if (weight != null) {
        ref.put("weight", weight);
      }
      return ref;
    }
  }

  /**
   * The text of a file that holds the new route: {@code file} (null for a new file) with the route
   * as one more document, in the file's line endings.
   */
  public static String createRoute(String file, Route r) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", r.name());
    metadata.put("namespace", r.namespace());
    List<Map<String, Object>> refs = new ArrayList<>();
    for (Backend b : r.backends()) {
      refs.add(b.ref());
    }
    Map<String, Object> rule = new LinkedHashMap<>();
    if (r.kind().equals("GRPCRoute")) {
      if (r.method() != null) {
        Map<String, Object> method = new LinkedHashMap<>();
        int slash = r.method().indexOf('/');
        method.put("service", slash < 0 ? r.method() : r.method().substring(0, slash));
        if (slash >= 0) {
          method.put("method", r.method().substring(slash + 1));
        }
        rule.put("matches", List.of(Map.of("method", method)));
      }
    } else {
      Map<String, Object> path = new LinkedHashMap<>();
      path.put("type", r.pathType());
      path.put("value", r.path());
      rule.put("matches", List.of(Map.of("path", path)));
    }
    rule.put("backendRefs", refs);
    Map<String, Object> spec = new LinkedHashMap<>();
    if (!r.hostnames().isEmpty()) {
      spec.put("hostnames", List.copyOf(r.hostnames()));
    }
    spec.put("rules", List.of(rule));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("apiVersion", "gateway.networking.k8s.io/v1");
    doc.put("kind", r.kind());
    doc.put("metadata", metadata);
    doc.put("spec", spec);
    String newline = file == null ? "\n" : new TextLines(file).newline;
    String text = String.join(newline, new Emitter(0).document(doc)) + newline;
    if (file == null || file.isEmpty()) {
      return text;
    }
    String sep = file.endsWith("\n") ? "" : newline;
    // A file of white space only holds no document to separate the new one from.
    return file + sep + (file.isBlank() ? "" : "---" + newline) + text;
  }

  /**
   * Sets the weights of backendRefs of rule {@code rule}: a weight written is replaced where it
   * stands, one not written is added to its backendRef (a line, or an entry of a one-line flow
   * map).
   *
   * @param weights Service name to weight; each must name a backendRef of the rule
   */
  public static String setWeights(
      String file, Manifest route, int rule, Map<String, Integer> weights) throws EditException {
    TextLines text = new TextLines(file);
    List<YNode> refs =
        rule(route, rule).get("backendRefs") instanceof dev.gwc.yaml.YSeq seq
            ? seq.items()
            : List.of();
    List<String> names = new ArrayList<>();
    refs.forEach(n -> names.add(str(n, "name")));
    for (String service : weights.keySet()) {
      if (!names.contains(service)) {
        throw new EditException(
            rule(route, rule).span().line(),
            describe(route)
                + " rule "
                + rule
                + " has no backendRef to '"
                + service
                + "' (it has: "
                + String.join(", ", names)
                + ")");
      }
    }
    // From the end of the file back, so that earlier positions stay where they are.
    List<YNode> ordered = new ArrayList<>(refs);
    ordered.sort(
        java.util.Comparator.<YNode>comparingInt(n -> n.span().line())
            .thenComparingInt(n -> n.span().column())
            .reversed());
    for (YNode ref : ordered) {
      Integer w = weights.get(str(ref, "name"));
      if (w == null || !(ref instanceof YMap m)) {
        continue;
      }
      if (m.get("weight") instanceof YScalar old) {
        if (!text.replace(old.span().line(), old.span().column(), old.text(), String.valueOf(w))) {
          throw new EditException(
              old.span().line(), "the weight of '" + str(ref, "name") + "' is not a plain number");
        }
      } else {
        addWeight(text, m, w);
      }
    }
    return text.text();
  }

  /** Adds a backendRef to rule {@code rule} of the route. */
  public static String addBackend(String file, Manifest route, int rule, Backend b)
      throws EditException {
    TextLines text = new TextLines(file);
    EditableList refs =
        EditableList.of(
            text,
            rule(route, rule),
            "backendRefs",
            "spec.rules[" + rule + "].backendRefs of " + describe(route));
    for (YNode item : refs.items()) {
      if (b.service().equals(str(item, "name"))
          && item instanceof YMap m
          && m.get("port") instanceof YScalar p
          && Long.valueOf(b.port()).equals(p.value())) {
        throw new EditException(
            item.span().line(),
            describe(route)
                + " rule "
                + rule
                + " already sends to "
                + b.service()
                + ":"
                + b.port());
      }
    }
    refs.append(ordered(b.ref(), refs.items()));
    return text.text();
  }

  /** Writes {@code weight: W} into a backendRef that has none. */
  private static void addWeight(TextLines text, YMap ref, int weight) throws EditException {
    int line = ref.span().line();
    String l = text.line(line);
    int first = TextLines.contentIndex(l, ref.span().column() - 1);
    int brace =
        first < l.length() && l.charAt(first) == '{'
            ? first
            : l.substring(0, first).stripTrailing().endsWith("{") ? l.lastIndexOf('{', first) : -1;
    if (brace >= 0) {
      // A flow map: the entry goes before its closing brace.
      int close = FlowList.closing(text.text(), text.offset(line, brace + 1));
      if (close < 0) {
        throw new EditException(line, "the backendRef's closing brace was not found");
      }
      boolean json = !ref.entries().isEmpty() && text.at(ref.entries().get(0).key().span()) == '"';
      text.splice(close, close, (json ? ", \"weight\": " : ", weight: ") + weight);
      return;
    }
    // A block map: the new key at its first key's column, after its last line.
    YScalar key = ref.entries().get(0).key();
    int column = key.span().column() - 1;
    int last = text.itemEnd(key.span().line(), column - 1);
    text.insertAfter(last, List.of(" ".repeat(column) + "weight: " + weight));
  }

  /** Adds a listener at the end of the Gateway's spec.listeners. */
  public static String addListener(String file, Manifest gateway, Listener l) throws EditException {
    TextLines text = new TextLines(file);
    EditableList listeners =
        EditableList.of(text, spec(gateway), "listeners", "spec.listeners of " + describe(gateway));
    for (YNode item : listeners.items()) {
      if (l.name().equals(str(item, "name"))) {
        throw new EditException(
            item.span().line(),
            "Gateway '" + display(gateway) + "' already has a listener named '" + l.name() + "'");
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("name", l.name());
    values.put("port", l.port());
    values.put("protocol", l.protocol());
    if (l.hostname() != null) {
      values.put("hostname", l.hostname());
    }
    if (l.certificate() != null) {
      Map<String, Object> ref = new LinkedHashMap<>();
      int slash = l.certificate().indexOf('/');
      ref.put("name", l.certificate().substring(slash + 1));
      if (slash > 0) {
        ref.put("namespace", l.certificate().substring(0, slash));
      }
      Map<String, Object> tls = new LinkedHashMap<>();
      tls.put("mode", "Terminate");
      tls.put("certificateRefs", List.of(ref));
      values.put("tls", tls);
    } else if (l.protocol().equals("TLS")) {
      values.put("tls", Map.of("mode", "Passthrough"));
    }
    if (l.allowedRoutes() != null) {
      Map<String, Object> namespaces = new LinkedHashMap<>();
      namespaces.put("from", l.allowedRoutes());
      if (!l.namespaceLabels().isEmpty()) {
        namespaces.put("selector", Map.of("matchLabels", l.namespaceLabels()));
      }
      values.put("allowedRoutes", Map.of("namespaces", namespaces));
    }
    listeners.append(ordered(values, listeners.items()));
    return text.text();
  }

  /** Removes the listener named {@code name}. */
  public static String removeListener(String file, Manifest gateway, String name)
      throws EditException {
    TextLines text = new TextLines(file);
    EditableList listeners =
        EditableList.of(text, spec(gateway), "listeners", "spec.listeners of " + describe(gateway));
    List<String> names = new ArrayList<>();
    for (int i = 0; i < listeners.items().size(); i++) {
      String n = str(listeners.items().get(i), "name");
      if (name.equals(n)) {
        listeners.remove(i);
        return text.text();
      }
      names.add(n);
    }
    throw new EditException(
        "Gateway '"
            + display(gateway)
            + "' has no listener named '"
            + name
            + "' (it has: "
            + String.join(", ", names)
            + ")");
  }

  /** Adds a parentRef to the route's spec.parentRefs (writing the key when it has none). */
  public static String attach(String file, Manifest route, Parent p) throws EditException {
    TextLines text = new TextLines(file);
    EditableList parents =
        EditableList.of(text, spec(route), "parentRefs", "spec.parentRefs of " + describe(route));
    for (YNode item : parents.items()) {
      if (matches(item, route, p)) {
        throw new EditException(
            item.span().line(),
            route.kind() + " '" + display(route) + "' already has this parentRef");
      }
    }
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("name", p.name());
    if (!p.namespace().equals(route.namespace())) {
      ref.put("namespace", p.namespace());
    }
    if (p.sectionName() != null) {
      ref.put("sectionName", p.sectionName());
    }
    if (p.port() != null) {
      ref.put("port", p.port());
    }
    parents.append(ordered(ref, parents.items()));
    return text.text();
  }

  /** Removes the parentRef that names the Gateway (and the section or port, when given). */
  public static String detach(String file, Manifest route, Parent p) throws EditException {
    TextLines text = new TextLines(file);
    EditableList parents =
        EditableList.of(text, spec(route), "parentRefs", "spec.parentRefs of " + describe(route));
    for (int i = 0; i < parents.items().size(); i++) {
      if (matches(parents.items().get(i), route, p)) {
        parents.remove(i);
        return text.text();
      }
    }
    throw new EditException(
        route.kind()
            + " '"
            + display(route)
            + "' has no parentRef to Gateway '"
            + p.namespace()
            + "/"
            + p.name()
            + "'"
            + (p.sectionName() != null ? " section '" + p.sectionName() + "'" : "")
            + (p.port() != null ? " port " + p.port() : ""));
  }

  private static boolean matches(YNode item, Manifest route, Parent p) {
    String kind = str(item, "kind");
    String group = str(item, "group");
    String namespace = str(item, "namespace");
    Integer port =
        item instanceof YMap m && m.get("port") instanceof YScalar s && s.value() instanceof Long l
            ? (int) (long) l
            : null;
    return (kind == null || kind.equals("Gateway"))
        && (group == null || group.equals("gateway.networking.k8s.io"))
        && p.name().equals(str(item, "name"))
        && p.namespace().equals(namespace == null ? route.namespace() : namespace)
        && Objects.equals(p.sectionName(), str(item, "sectionName"))
        && Objects.equals(p.port(), port);
  }

  /** The values in the key order the list's first item uses; keys it lacks keep their place. */
  private static Map<String, Object> ordered(Map<String, Object> values, List<YNode> existing) {
    if (existing.isEmpty() || !(existing.get(0) instanceof YMap first)) {
      return values;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (var e : first.entries()) {
      if (values.containsKey(e.name())) {
        out.put(e.name(), values.get(e.name()));
      }
    }
    values.forEach(out::putIfAbsent);
    return out;
  }

  /** Rule {@code index} of the route's spec.rules. */
  private static YMap rule(Manifest route, int index) throws EditException {
    List<YNode> rules =
        spec(route).get("rules") instanceof dev.gwc.yaml.YSeq seq ? seq.items() : List.of();
    if (index < 0 || index >= rules.size() || !(rules.get(index) instanceof YMap rule)) {
      throw new EditException(
          describe(route) + " has " + rules.size() + " rules; there is no rule " + index);
    }
    return rule;
  }

  private static YMap spec(Manifest m) throws EditException {
    if (m.root().get("spec") instanceof YMap spec && !spec.entries().isEmpty()) {
      return spec;
    }
    throw new EditException(describe(m) + ": the object has no spec to edit");
  }

  private static String str(YNode n, String key) {
    return n instanceof YMap m ? m.string(key) : null;
  }

  private static String display(Manifest m) {
    return m.namespace() + "/" + m.name();
  }

  private static String describe(Manifest m) {
    return m.kind() + " '" + display(m) + "'";
  }
}
