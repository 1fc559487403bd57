package dev.gwc.status;

import dev.gwc.graph.Condition;
import dev.gwc.graph.Nodes.GatewayClassNode;
import dev.gwc.graph.Nodes.GatewayNode;
import dev.gwc.graph.Nodes.GroupKind;
import dev.gwc.graph.ObjectRef;
import dev.gwc.graph.Resolution;
import dev.gwc.resource.Manifest;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status stage: writes the {@code status} a conformant controller would write, in the API's own
 * shape, from a {@link Resolution}. Output is deterministic: condition times are the epoch (Git has
 * no clock) and {@code observedGeneration} is {@code metadata.generation} or 1.
 */
public final class StatusWriter {
  /** The controller name used for Gateways whose GatewayClass is not in the input. */
  public static final String DEFAULT_CONTROLLER = "gwc.dev/gateway-controller";

  static final String EPOCH = "1970-01-01T00:00:00Z";

  private StatusWriter() {}

  /** The status of every resource the resolution concludes about, by manifest identity. */
  public static Map<Manifest, Map<String, Object>> statuses(Resolution r) {
    Map<Manifest, Map<String, Object>> out = new IdentityHashMap<>();
    Map<String, String> controllers = new LinkedHashMap<>();
    for (Resolution.ClassResult c : r.classes()) {
      GatewayClassNode n = c.node();
      controllers.put(n.name(), n.controllerName());
      Map<String, Object> status = new LinkedHashMap<>();
      status.put("conditions", List.of(condition(c.accepted(), n.manifest())));
      out.put(n.manifest(), status);
    }
    for (Resolution.GatewayResult g : r.gateways()) {
      Manifest m = g.node().manifest();
      Map<String, Object> status = new LinkedHashMap<>();
      if (g.listenerSets() >= 0) {
        status.put("attachedListenerSets", (long) g.attachedListenerSets());
      }
      status.put("conditions", conditions(g.conditions(), m));
      status.put("listeners", listeners(g.listeners(), m));
      out.put(m, status);
    }
    for (Resolution.ListenerSetResult s : r.listenerSets()) {
      if (s.conditions() == null) {
        continue; // no controller in the input owns it
      }
      Manifest m = s.node().manifest();
      Map<String, Object> status = new LinkedHashMap<>();
      status.put("conditions", conditions(s.conditions(), m));
      status.put("listeners", listeners(s.listeners(), m));
      out.put(m, status);
    }
    for (Resolution.PolicyResult p : r.policies()) {
      Manifest m = p.node().manifest();
      List<Object> ancestors = new ArrayList<>();
      for (GatewayNode g : p.ancestors()) {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("group", "gateway.networking.k8s.io");
        ref.put("kind", "Gateway");
        ref.put("namespace", g.namespace());
        ref.put("name", g.name());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("ancestorRef", ref);
        a.put("controllerName", controller(controllers, g));
        a.put("conditions", conditions(p.conditions(), m));
        ancestors.add(a);
      }
      Map<String, Object> status = new LinkedHashMap<>();
      status.put("ancestors", ancestors);
      out.put(m, status);
    }
    for (Resolution.RouteResult rr : r.routes()) {
      Manifest m = rr.node().manifest();
      List<Object> parents = new ArrayList<>();
      for (Resolution.ParentResult p : rr.parents()) {
        Map<String, Object> ps = new LinkedHashMap<>();
        ps.put("parentRef", parentRef(p.ref()));
        ps.put("controllerName", controller(controllers, p.gateway()));
        ps.put("conditions", conditions(p.conditions(), m));
        parents.add(ps);
      }
      Map<String, Object> status = new LinkedHashMap<>();
      status.put("parents", parents);
      out.put(m, status);
    }
    return out;
  }

  private static String controller(Map<String, String> controllers, GatewayNode g) {
    return g == null
        ? DEFAULT_CONTROLLER
        : controllers.getOrDefault(g.className(), DEFAULT_CONTROLLER);
  }

  private static List<Object> listeners(List<Resolution.ListenerResult> results, Manifest m) {
    List<Object> listeners = new ArrayList<>();
    for (Resolution.ListenerResult l : results) {
      Map<String, Object> ls = new LinkedHashMap<>();
      ls.put("name", l.node().name());
      List<Object> kinds = new ArrayList<>();
      for (GroupKind k : l.supportedKinds()) {
        Map<String, Object> kind = new LinkedHashMap<>();
        kind.put("group", k.group());
        kind.put("kind", k.kind());
        kinds.add(kind);
      }
      ls.put("supportedKinds", kinds);
      ls.put("attachedRoutes", (long) l.attachedRoutes());
      ls.put("conditions", conditions(l.conditions(), m));
      listeners.add(ls);
    }
    return listeners;
  }

  private static Map<String, Object> parentRef(ObjectRef p) {
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("group", p.group());
    ref.put("kind", p.kind());
    ref.put("namespace", p.namespace());
    ref.put("name", p.name());
    if (p.sectionName() != null) {
      ref.put("sectionName", p.sectionName());
    }
    if (p.port() != null) {
      ref.put("port", (long) p.port());
    }
    return ref;
  }

  private static List<Object> conditions(List<Condition> cs, Manifest m) {
    List<Object> out = new ArrayList<>();
    for (Condition c : cs) {
      out.add(condition(c, m));
    }
    return out;
  }

  private static Map<String, Object> condition(Condition c, Manifest m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", c.type());
    out.put("status", c.status());
    out.put("reason", c.reason());
    out.put("message", c.message());
    out.put("lastTransitionTime", EPOCH);
    out.put("observedGeneration", generation(m));
    return out;
  }

  private static long generation(Manifest m) {
    if (m.root().get("metadata") instanceof dev.gwc.yaml.YMap meta
        && meta.get("generation") instanceof dev.gwc.yaml.YScalar s
        && s.value() instanceof Long l) {
      return l;
    }
    return 1;
  }
}
