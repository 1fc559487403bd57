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
   * @param certificate the TLS Secret ({@code name} or {@code namespace/name}), or null
   * @param allowedRoutes Same or All, or null for the default
   */
  public record Listener(
      String name,
      int port,
      String protocol,
      String hostname,
      String certificate,
      String allowedRoutes) {}

  /**
   * A parentRef to attach or detach.
   *
   * @param namespace the Gateway's namespace
   * @param name the Gateway's name
   * @param sectionName the listener, or null
   * @param port the port, or null
   */
  public record Parent(String namespace, String name, String sectionName, Integer port) {}

  /** Adds a listener at the end of the Gateway's spec.listeners. */
  public static String addListener(String file, Manifest gateway, Listener l) throws EditException {
    TextLines text = new TextLines(file);
    BlockList listeners =
        new BlockList(text, spec(gateway), "listeners", "spec.listeners of " + describe(gateway));
    for (YNode item : listeners.items()) {
      if (l.name().equals(str(item, "name"))) {
        throw new EditException(
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
    }
    if (l.allowedRoutes() != null) {
      values.put("allowedRoutes", Map.of("namespaces", Map.of("from", l.allowedRoutes())));
    }
    listeners.append(ordered(values, listeners.items()));
    return text.text();
  }

  /** Removes the listener named {@code name}. */
  public static String removeListener(String file, Manifest gateway, String name)
      throws EditException {
    TextLines text = new TextLines(file);
    BlockList listeners =
        new BlockList(text, spec(gateway), "listeners", "spec.listeners of " + describe(gateway));
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
    BlockList parents =
        new BlockList(text, spec(route), "parentRefs", "spec.parentRefs of " + describe(route));
    for (YNode item : parents.items()) {
      if (matches(item, route, p)) {
        throw new EditException(
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
    BlockList parents =
        new BlockList(text, spec(route), "parentRefs", "spec.parentRefs of " + describe(route));
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
