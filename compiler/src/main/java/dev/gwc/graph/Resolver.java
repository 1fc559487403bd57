package dev.gwc.graph;

import dev.gwc.diag.Diagnostic;
import dev.gwc.diag.Rule;
import dev.gwc.diag.Severity;
import dev.gwc.graph.Nodes.GatewayClassNode;
import dev.gwc.graph.Nodes.GatewayNode;
import dev.gwc.graph.Nodes.GroupKind;
import dev.gwc.graph.Nodes.ListenerNode;
import dev.gwc.graph.Nodes.RouteNode;
import dev.gwc.resource.Manifest;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resolves the graph as one conformant Gateway API implementation would, acting as the controller
 * of every GatewayClass in the input (and of Gateways whose class is not in it): attachment of
 * every parentRef (sectionName, port, allowedRoutes namespaces and kinds, hostname intersection),
 * route and listener references (Services and ports, Secrets, ReferenceGrants), and the conditions
 * that follow. Objects that are referenced but absent are assumed to exist unless the input is
 * complete.
 */
public final class Resolver {
  private final Graph graph;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Map<ListenerNode, Integer> attached = new java.util.IdentityHashMap<>();
  // Identity maps: nodes are records over YAML trees, whose equality and hash codes are deep.
  private final Map<ListenerNode, ListenerState> listenerStates = new java.util.IdentityHashMap<>();

  private Resolver(Graph graph) {
    this.graph = graph;
  }

  /** Resolves a graph. */
  public static Resolution resolve(Graph graph) {
    return new Resolver(graph).run();
  }

  /**
   * A listener's state, with what owns it.
   *
   * @param gateway the Gateway it belongs to (for a ListenerSet's listener, the set's Gateway, or
   *     null when that is not in the input)
   * @param manifest where it is written (a Gateway or a ListenerSet)
   * @param namespace the namespace of its owner, which allowedRoutes "Same" means
   */
  private record ListenerState(
      GatewayNode gateway,
      Manifest manifest,
      String namespace,
      List<GroupKind> supportedKinds,
      List<Condition> conditions,
      boolean accepted) {}

  private Resolution run() {
    List<Resolution.ClassResult> classes = new ArrayList<>();
    Map<String, Condition> classAccepted = new java.util.HashMap<>();
    for (GatewayClassNode c : sorted(graph.classes())) {
      Condition accepted = classAccepted(c);
      classAccepted.put(c.name(), accepted);
      classes.add(new Resolution.ClassResult(c, accepted));
    }
    Map<GatewayNode, List<Condition>> gatewayConditions = new java.util.IdentityHashMap<>();
    Map<GatewayNode, List<Listeners.Owned>> merged = new java.util.IdentityHashMap<>();
    List<GatewayNode> gatewayOrder = sorted(graph.gateways());
    for (GatewayNode g : gatewayOrder) {
      List<Condition> conditions = gatewayConditions(g, classAccepted.get(g.className()));
      Listeners.Owner owner = Listeners.Owner.of(g);
      Map<ListenerNode, Listeners.State> states =
          Listeners.states(owner, List.of(), graph, this::report);
      register(g, g.manifest(), g.namespace(), states);
      List<Listeners.Owned> list = new ArrayList<>();
      for (ListenerNode l : g.listeners()) {
        list.add(new Listeners.Owned(owner, l));
      }
      merged.put(g, list);
      if (conditions.get(0).isTrue()) {
        conditions = Listeners.rollUp(g.listeners(), states, "Gateway");
      }
      Condition resolvedRefs = Listeners.gatewayResolvedRefs(g, states, graph, this::report);
      if (resolvedRefs != null || g.defaultScope() != null) {
        List<Condition> more = new ArrayList<>(conditions);
        if (resolvedRefs != null) {
          more.add(resolvedRefs);
        }
        if (g.defaultScope() != null) {
          more.add(
              Condition.yes(
                  "DefaultGateway",
                  "DefaultGateway",
                  "Gateway has default scope " + g.defaultScope()));
        }
        conditions = List.copyOf(more);
      }
      gatewayConditions.put(g, conditions);
    }
    List<ListenerSets.SetState> sets =
        ListenerSets.resolve(graph, gatewayConditions, merged, this::report);
    for (ListenerSets.SetState s : sets) {
      register(s.gateway(), s.node().manifest(), s.node().namespace(), s.states());
      listenerSetGateways.put(s.node(), s);
    }
    for (GatewayNode g : gatewayOrder) {
      markOverlappingTls(merged.get(g));
    }
    List<Resolution.RouteResult> routes = new ArrayList<>();
    for (RouteNode r : graph.routes()) {
      List<Resolution.ParentResult> parents = new ArrayList<>();
      Map<String, Condition> failedBackends = new java.util.LinkedHashMap<>();
      Condition refs = BackendRefs.resolve(r, graph, this::report, failedBackends);
      reportInvalidRules(r);
      List<Pending> pending = new ArrayList<>();
      for (ObjectRef p : r.parentRefs()) {
        Resolution.ParentResult pr = attach(r, p, refs, pending);
        if (pr != null) {
          parents.add(pr);
        }
      }
      for (ObjectRef p : defaultParents(r)) {
        parents.add(attach(r, p, refs, pending));
      }
      // A route that attaches nowhere is an error; one that misses some of its parents, a warning.
      boolean attachedSomewhere = parents.stream().anyMatch(pr -> pr.accepted().isTrue());
      for (Pending f : pending) {
        // An outcome that rests on an assumption about an object not in the input is a warning.
        boolean soft = attachedSomewhere || (f.assumption() && !graph.complete());
        report(
            f.rule(),
            soft ? Severity.WARNING : Severity.ERROR,
            r.manifest(),
            f.ref().node(),
            f.ref().path(),
            attachedSomewhere
                ? f.message() + " (the route attaches to its other parents)"
                : f.message());
      }
      routes.add(new Resolution.RouteResult(r, parents, failedBackends));
    }
    Overlaps.check(routes, this::report);
    List<Resolution.PolicyResult> policies =
        BackendTlsPolicies.resolve(graph, routes, this::report);
    Map<GatewayNode, int[]> setCounts = new java.util.IdentityHashMap<>();
    List<Resolution.ListenerSetResult> setResults = new ArrayList<>();
    for (ListenerSets.SetState s : sets) {
      setResults.add(
          new Resolution.ListenerSetResult(
              s.node(), s.gateway(), s.conditions(), listenerResults(s.node().listeners())));
      if (s.gateway() != null) {
        int[] counts = setCounts.computeIfAbsent(s.gateway(), k -> new int[2]);
        counts[0]++;
        if (s.conditions() != null && s.conditions().get(0).isTrue()) {
          counts[1]++;
        }
      }
    }
    List<Resolution.GatewayResult> gateways = new ArrayList<>();
    for (GatewayNode gw : gatewayOrder) {
      int[] counts = setCounts.getOrDefault(gw, new int[] {-1, 0});
      gateways.add(
          new Resolution.GatewayResult(
              gw,
              gatewayConditions.get(gw),
              listenerResults(gw.listeners()),
              counts[0],
              counts[1]));
    }
    return new Resolution(
        classes, gateways, setResults, routes, policies, List.copyOf(diagnostics));
  }

  private final Map<Nodes.ListenerSetNode, ListenerSets.SetState> listenerSetGateways =
      new java.util.IdentityHashMap<>();

  private void register(
      GatewayNode g, Manifest m, String namespace, Map<ListenerNode, Listeners.State> states) {
    states.forEach(
        (l, s) ->
            listenerStates.put(
                l,
                new ListenerState(
                    g, m, namespace, s.supportedKinds(), s.conditions(), s.accepted())));
  }

  /**
   * Adds OverlappingTLSConfig to the accepted listeners of a Gateway's merged list whose TLS
   * hostnames overlap another's on the same port ({@link Listeners#overlappingTls}).
   */
  private void markOverlappingTls(List<Listeners.Owned> merged) {
    List<ListenerNode> candidates = new ArrayList<>();
    for (Listeners.Owned o : merged) {
      ListenerState s = listenerStates.get(o.listener());
      if (s != null && s.accepted()) {
        candidates.add(o.listener());
      }
    }
    Listeners.overlappingTls(candidates)
        .forEach(
            (l, c) -> {
              ListenerState s = listenerStates.get(l);
              report(
                  GraphRules.OVERLAPPING_TLS_CONFIG,
                  Severity.INFO,
                  s.manifest(),
                  listenerNode(s.manifest(), l),
                  l.path(),
                  c.message());
              List<Condition> conditions = new ArrayList<>(s.conditions());
              conditions.add(c);
              listenerStates.put(
                  l,
                  new ListenerState(
                      s.gateway(),
                      s.manifest(),
                      s.namespace(),
                      s.supportedKinds(),
                      List.copyOf(conditions),
                      s.accepted()));
            });
  }

  /** The results of an owner's listeners, noting accepted listeners that no route attaches to. */
  private List<Resolution.ListenerResult> listenerResults(List<ListenerNode> listeners) {
    List<Resolution.ListenerResult> ls = new ArrayList<>();
    for (ListenerNode l : listeners) {
      ListenerState s = listenerStates.get(l);
      if (s.accepted() && !attached.containsKey(l)) {
        report(
            GraphRules.LISTENER_WITHOUT_ROUTES,
            Severity.INFO,
            s.manifest(),
            listenerNode(s.manifest(), l),
            l.path(),
            "no route in the input attaches to listener '"
                + l.name()
                + "' (port "
                + l.port()
                + ")");
      }
      ls.add(
          new Resolution.ListenerResult(
              l, s.supportedKinds(), s.conditions(), attached.getOrDefault(l, 0)));
    }
    return ls;
  }

  /** Reports a finding about a manifest at a node; severity may differ from the rule's default. */
  void report(Rule rule, Severity severity, Manifest m, YNode node, String path, String message) {
    YNode at = node != null ? node : m.root();
    diagnostics.add(new Diagnostic(rule.id(), severity, at.span(), message, m.ref(), path));
  }

  private Condition classAccepted(GatewayClassNode c) {
    ObjectRef p = c.parametersRef();
    if (p != null && !parametersExist(p)) {
      String msg = "parametersRef " + p.kind() + " '" + p.display() + "' does not exist";
      report(
          GraphRules.INVALID_PARAMETERS,
          graph.complete() ? Severity.ERROR : Severity.WARNING,
          c.manifest(),
          p.node(),
          p.path(),
          msg);
      if (graph.complete()) {
        return Condition.no("Accepted", "InvalidParameters", msg);
      }
    }
    return Condition.yes(
        "Accepted", "Accepted", "accepted by gwc, acting as controller " + c.controllerName());
  }

  private List<Condition> gatewayConditions(GatewayNode g, Condition classAccepted) {
    if (classAccepted != null && !classAccepted.isTrue()) {
      String msg =
          "GatewayClass '"
              + g.className()
              + "' is not accepted ("
              + classAccepted.reason()
              + "); no controller reconciles this Gateway";
      report(
          GraphRules.GATEWAY_CLASS_NOT_ACCEPTED,
          Severity.WARNING,
          g.manifest(),
          field(g.manifest().root(), "spec", "gatewayClassName"),
          "spec.gatewayClassName",
          msg + " (gwc still resolves its listeners as if one did)");
      return List.of(
          new Condition("Accepted", "Unknown", "Pending", msg),
          new Condition("Programmed", "Unknown", "Pending", msg));
    }
    ObjectRef p = g.parametersRef();
    if (p != null && !parametersExist(p)) {
      String msg =
          "infrastructure.parametersRef " + p.kind() + " '" + p.name() + "' does not exist";
      report(
          GraphRules.INVALID_PARAMETERS,
          graph.complete() ? Severity.ERROR : Severity.WARNING,
          g.manifest(),
          p.node(),
          p.path(),
          msg);
      if (graph.complete()) {
        return List.of(
            Condition.no("Accepted", "InvalidParameters", msg),
            Condition.no("Programmed", "Invalid", msg));
      }
    }
    List<Condition> address = unsupportedAddress(g);
    if (address != null) {
      return address;
    }
    if (!graph.classes().containsKey(g.className())) {
      YNode at = field(g.manifest().root(), "spec", "gatewayClassName");
      if (graph.complete()) {
        report(
            GraphRules.GATEWAY_CLASS_NOT_FOUND,
            Severity.ERROR,
            g.manifest(),
            at,
            "spec.gatewayClassName",
            "GatewayClass '"
                + g.className()
                + "' does not exist; no controller will reconcile this Gateway"
                + " (gwc still resolves its listeners as if it did)");
      } else {
        report(
            GraphRules.ASSUMED_PRESENT,
            Severity.INFO,
            g.manifest(),
            at,
            "spec.gatewayClassName",
            "GatewayClass '"
                + g.className()
                + "' is not in the input; assuming it exists and is accepted");
      }
    }
    return List.of(
        Condition.yes("Accepted", "Accepted", "accepted"),
        Condition.yes("Programmed", "Programmed", "programmed"));
  }

  /** The address types gwc, as a controller, can bind (the types the specification defines). */
  private static final java.util.Set<String> ADDRESS_TYPES =
      java.util.Set.of("IPAddress", "Hostname");

  /**
   * Accepted=False (UnsupportedAddress) for the first spec.addresses entry of a type other than
   * IPAddress or Hostname, or null. An implementation-specific (domain-prefixed) type is accepted
   * only by the implementation that defines it; the conformance suite expects such a type to make
   * the Gateway not accepted.
   */
  private List<Condition> unsupportedAddress(GatewayNode g) {
    if (!(field(g.manifest().root(), "spec", "addresses") instanceof dev.gwc.yaml.YSeq seq)) {
      return null;
    }
    for (int i = 0; i < seq.items().size(); i++) {
      if (!(seq.items().get(i) instanceof dev.gwc.yaml.YMap a)) {
        continue;
      }
      String type = a.string("type") == null ? "IPAddress" : a.string("type");
      if (ADDRESS_TYPES.contains(type)) {
        continue;
      }
      String msg =
          "address type '"
              + type
              + "' is not supported: gwc, like a controller that implements only the types the"
              + " specification defines, binds IPAddress and Hostname addresses";
      report(
          GraphRules.UNSUPPORTED_ADDRESS,
          Severity.WARNING,
          g.manifest(),
          a.get("type") != null ? a.get("type") : a,
          "spec.addresses[" + i + "].type",
          msg + "; the Gateway is not accepted (UnsupportedAddress)");
      return List.of(
          Condition.no("Accepted", "UnsupportedAddress", msg),
          Condition.no("Programmed", "Invalid", msg));
    }
    return null;
  }

  private boolean parametersExist(ObjectRef p) {
    if (p.namespace() != null) {
      return graph
          .objects()
          .contains(p.group() + "/" + p.kind() + "/" + p.namespace() + "/" + p.name());
    }
    // A cluster-scoped object: gwc does not know every kind's scope, so any namespace will do.
    String prefix = p.group() + "/" + p.kind() + "/";
    String suffix = "/" + p.name();
    return graph.objects().stream()
        .anyMatch(
            o ->
                o.startsWith(prefix)
                    && o.endsWith(suffix)
                    && o.indexOf('/', prefix.length()) == o.length() - suffix.length());
  }

  /**
   * One finding per invalid rule: an error, since the rule serves no traffic (and when every rule
   * is invalid, the route attaches nowhere).
   */
  private void reportInvalidRules(RouteNode r) {
    r.invalidRules()
        .forEach(
            (i, problem) ->
                report(
                    GraphRules.UNSUPPORTED_VALUE,
                    Severity.ERROR,
                    r.manifest(),
                    problem.node(),
                    problem.path(),
                    problem.message()
                        + (r.everyRuleInvalid()
                            ? "; no rule of the route is valid, so it is not accepted"
                                + " (Accepted=False, UnsupportedValue)"
                            : "; rule "
                                + i
                                + " is dropped and the route keeps its other rules"
                                + " (PartiallyInvalid=True, UnsupportedValue)")));
  }

  /**
   * The default Gateways a route asking for them attaches to (GEP-3793): every Gateway whose
   * defaultScope is the route's scope, as a parentRef with neither section nor port, except those
   * its parentRefs already name. When the input has none, a route with no other parent is reported
   * as a missing parent.
   */
  private List<ObjectRef> defaultParents(RouteNode r) {
    Nodes.DefaultGateways asked = r.useDefaultGateways();
    if (asked == null) {
      return List.of();
    }
    List<ObjectRef> out = new ArrayList<>();
    boolean anyDefault = false;
    for (GatewayNode g : sorted(graph.gateways())) {
      if (!asked.scope().equals(g.defaultScope())) {
        continue;
      }
      anyDefault = true;
      boolean named =
          r.parentRefs().stream()
              .anyMatch(
                  p ->
                      p.kind().equals("Gateway")
                          && p.group().equals(GraphBuilder.GATEWAY_GROUP)
                          && p.namespace().equals(g.namespace())
                          && p.name().equals(g.name()));
      if (!named) {
        out.add(
            new ObjectRef(
                GraphBuilder.GATEWAY_GROUP,
                "Gateway",
                g.namespace(),
                g.name(),
                null,
                null,
                asked.at(),
                "spec.useDefaultGateways"));
      }
    }
    if (!anyDefault && r.parentRefs().isEmpty()) {
      report(
          GraphRules.PARENT_NOT_FOUND,
          graph.complete() ? Severity.ERROR : Severity.WARNING,
          r.manifest(),
          asked.at(),
          "spec.useDefaultGateways",
          "useDefaultGateways is "
              + asked.scope()
              + ", but no Gateway in the input has spec.defaultScope "
              + asked.scope()
              + " (a default Gateway)"
              + (graph.complete()
                  ? "; the route attaches nowhere"
                  : "; attachment is not checked"));
    }
    return out;
  }

  /** An attachment failure, reported once every parent of the route is known. */
  private record Pending(Rule rule, ObjectRef ref, String message, boolean assumption) {}

  private Resolution.ParentResult attach(
      RouteNode r, ObjectRef p, Condition refs, List<Pending> pending) {
    if (!p.group().equals(GraphBuilder.GATEWAY_GROUP)
        || !(p.kind().equals("Gateway") || p.kind().equals("ListenerSet"))) {
      return null; // mesh parents (Service) are not resolved
    }
    Manifest m = r.manifest();
    GatewayNode g;
    List<ListenerNode> listeners;
    if (p.kind().equals("Gateway")) {
      g = graph.gateways().get(Graph.key(p.namespace(), p.name()));
      listeners = g == null ? null : g.listeners();
    } else {
      ListenerSets.SetState s =
          listenerSetGateways.get(graph.listenerSets().get(Graph.key(p.namespace(), p.name())));
      g = s == null ? null : s.gateway();
      listeners = s == null ? null : s.node().listeners();
    }
    if (listeners == null) {
      report(
          GraphRules.PARENT_NOT_FOUND,
          graph.complete() ? Severity.ERROR : Severity.WARNING,
          m,
          p.node(),
          p.path(),
          "parentRef names "
              + p.kind()
              + " '"
              + p.display()
              + "', which is not in the input"
              + (graph.complete() ? "" : "; attachment is not checked"));
      return null;
    }
    List<ListenerNode> candidates = new ArrayList<>();
    for (ListenerNode l : listeners) {
      if ((p.sectionName() == null || p.sectionName().equals(l.name()))
          && (p.port() == null || p.port() == l.port())) {
        candidates.add(l);
      }
    }
    if (candidates.isEmpty()) {
      String what =
          p.sectionName() != null && p.port() != null
              ? "no listener named '" + p.sectionName() + "' on port " + p.port()
              : p.sectionName() != null
                  ? "no listener named '" + p.sectionName() + "'"
                  : "no listener on port " + p.port();
      String msg = p.kind() + " '" + p.display() + "' has " + what;
      pending.add(new Pending(GraphRules.NO_MATCHING_PARENT, p, msg, false));
      return new Resolution.ParentResult(
          p, g, List.of(), Condition.no("Accepted", "NoMatchingParent", msg), refs, null);
    }
    List<ListenerNode> allowed = new ArrayList<>();
    String why = null;
    for (ListenerNode l : candidates) {
      ListenerState s = listenerStates.get(l);
      if (!s.accepted()) {
        Condition a = s.conditions().get(0);
        why =
            "listener '" + l.name() + "' is not accepted (" + a.reason() + ": " + a.message() + ")";
      } else if (s.supportedKinds().stream()
          .noneMatch(
              k -> k.kind().equals(r.kind()) && k.group().equals(GraphBuilder.GATEWAY_GROUP))) {
        why = "listener '" + l.name() + "' (" + l.protocol() + ") does not accept " + r.kind();
      } else if (!Listeners.namespaceAllowed(l, s.namespace(), r.namespace(), graph)) {
        why =
            "listener '"
                + l.name()
                + "' allows routes from "
                + Listeners.describeNamespaces(l)
                + ", not from namespace '"
                + r.namespace()
                + "'";
      } else {
        allowed.add(l);
      }
    }
    if (allowed.isEmpty()) {
      boolean unknownLabels =
          "Selector".equals(candidates.get(0).namespacesFrom())
              && !graph.namespaces().containsKey(r.namespace());
      if (unknownLabels) {
        why +=
            " (namespace '"
                + r.namespace()
                + "' is not in the input, so gwc assumes it has no labels"
                + " besides kubernetes.io/metadata.name)";
      }
      pending.add(new Pending(GraphRules.NOT_ALLOWED_BY_LISTENERS, p, why, unknownLabels));
      return new Resolution.ParentResult(
          p, g, List.of(), Condition.no("Accepted", "NotAllowedByListeners", why), refs, null);
    }
    List<ListenerNode> matching = new ArrayList<>();
    for (ListenerNode l : allowed) {
      if (Hostnames.anyIntersects(l.hostname(), r.hostnames())) {
        matching.add(l);
      }
    }
    if (matching.isEmpty()) {
      String msg =
          "no hostname of the route "
              + r.hostnames()
              + " matches listener hostname"
              + (allowed.size() == 1
                  ? " '" + allowed.get(0).hostname() + "'"
                  : "s of " + p.kind() + " '" + p.display() + "'");
      pending.add(new Pending(GraphRules.NO_MATCHING_LISTENER_HOSTNAME, p, msg, false));
      return new Resolution.ParentResult(
          p, g, List.of(), Condition.no("Accepted", "NoMatchingListenerHostname", msg), refs, null);
    }
    if (r.everyRuleInvalid()) {
      // Not a Pending finding: the rules' problems are reported once, not per parent.
      return new Resolution.ParentResult(
          p,
          g,
          List.of(),
          Condition.no("Accepted", "UnsupportedValue", invalidRulesMessage(r, "every rule")),
          refs,
          null);
    }
    for (ListenerNode l : matching) {
      attached.merge(l, 1, Integer::sum);
    }
    Condition partiallyInvalid =
        r.invalidRules().isEmpty()
            ? null
            : Condition.yes(
                "PartiallyInvalid",
                "UnsupportedValue",
                "Dropped Rule"
                    + (r.invalidRules().size() == 1 ? " " : "s ")
                    + ruleList(r)
                    + ": "
                    + invalidRulesMessage(r, null));
    return new Resolution.ParentResult(
        p,
        g,
        List.copyOf(matching),
        Condition.yes("Accepted", "Accepted", "accepted"),
        refs,
        partiallyInvalid);
  }

  private static String ruleList(RouteNode r) {
    StringBuilder sb = new StringBuilder();
    for (Integer i : r.invalidRules().keySet()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(i);
    }
    return sb.toString();
  }

  /** The rules' problems in one line ("every rule is invalid: rule 0: ..."). */
  private static String invalidRulesMessage(RouteNode r, String lead) {
    if (lead == null && r.invalidRules().size() == 1) {
      return r.invalidRules().values().iterator().next().message();
    }
    StringBuilder sb = new StringBuilder(lead == null ? "" : lead + " is invalid: ");
    String separator = "";
    for (var e : r.invalidRules().entrySet()) {
      sb.append(separator).append("rule ").append(e.getKey()).append(": ");
      sb.append(e.getValue().message());
      separator = "; ";
    }
    return sb.toString();
  }

  private static <T> List<T> sorted(Map<String, T> map) {
    List<String> keys = new ArrayList<>(map.keySet());
    keys.sort(null);
    List<T> out = new ArrayList<>();
    for (String k : keys) {
      out.add(map.get(k));
    }
    return out;
  }

  /** The listener's node in its Gateway (its name key reads best), for listener findings. */
  static YNode listenerNode(Manifest owner, ListenerNode l) {
    List<YNode> items = TreeFields.list(TreeFields.map(owner.root(), "spec"), "listeners");
    if (l.index() < items.size() && items.get(l.index()) instanceof YMap m) {
      return m.entry("name") != null ? m.entry("name").key() : m;
    }
    return owner.root();
  }

  /**
   * Finds a node by path segments in a manifest, for positions of fields that are not references.
   */
  static YNode field(YNode root, String... keys) {
    YNode n = root;
    for (String k : keys) {
      if (!(n instanceof YMap m) || m.get(k) == null) {
        return root;
      }
      n = m.get(k);
    }
    return n;
  }

  /** How findings are reported by the helpers. */
  @FunctionalInterface
  interface Reporter {
    void report(Rule rule, Severity severity, Manifest m, YNode node, String path, String message);
  }
}
