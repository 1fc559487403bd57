package dev.gwc.graph;

import dev.gwc.diag.Severity;
import dev.gwc.graph.Nodes.BackendTlsPolicyNode;
import dev.gwc.graph.Nodes.GatewayNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BackendTLSPolicy resolution: targets (Services in the policy's namespace), conflicts between
 * policies on the same target (the older policy, then {@code namespace/name} order, applies), CA
 * certificate references, and the ancestors a controller writes status for — the Gateways through
 * which accepted routes send traffic to a targeted Service.
 */
final class BackendTlsPolicies {
  private BackendTlsPolicies() {}

  private static final Set<String> CA_KINDS = Set.of("ConfigMap", "Secret");

  /** Conflict order: oldest first (a missing creationTimestamp counts as oldest), then name. */
  private static final Comparator<BackendTlsPolicyNode> PRECEDENCE =
      Comparator.comparing((BackendTlsPolicyNode p) -> p.createdAt() == null ? "" : p.createdAt())
          .thenComparing(p -> Graph.key(p.namespace(), p.name()));

  static List<Resolution.PolicyResult> resolve(
      Graph graph, List<Resolution.RouteResult> routes, Resolver.Reporter r) {
    if (graph.policies().isEmpty()) {
      return List.of(); // most inputs: no need to map every route's Services to Gateways
    }
    Map<String, Map<String, GatewayNode>> gatewaysByService = gatewaysByService(routes);
    List<BackendTlsPolicyNode> order = new ArrayList<>(graph.policies());
    order.sort(PRECEDENCE);
    Map<String, BackendTlsPolicyNode> claimed = new HashMap<>();
    Map<BackendTlsPolicyNode, Resolution.PolicyResult> results = new java.util.IdentityHashMap<>();
    for (BackendTlsPolicyNode p : order) {
      Condition accepted = null;
      Map<String, GatewayNode> ancestors = new java.util.TreeMap<>();
      for (ObjectRef t : p.targetRefs()) {
        Condition c = target(p, t, graph, claimed, r);
        if (accepted == null) {
          accepted = c;
        }
        ancestors.putAll(
            gatewaysByService.getOrDefault(Graph.key(p.namespace(), t.name()), Map.of()));
      }
      Condition refs = caRefs(p, graph, r);
      if (accepted == null && refs != null) {
        accepted = Condition.no("Accepted", "NoValidCACertificate", refs.message());
      }
      if (ancestors.isEmpty()) {
        r.report(
            GraphRules.POLICY_WITHOUT_ANCESTORS,
            Severity.INFO,
            p.manifest(),
            Resolver.field(p.manifest().root(), "spec", "targetRefs"),
            "spec.targetRefs",
            "no route in the input sends traffic through a Gateway to the Services this policy"
                + " targets; its status lists no ancestors");
      }
      results.put(
          p,
          new Resolution.PolicyResult(
              p,
              List.copyOf(ancestors.values()),
              List.of(
                  accepted != null
                      ? accepted
                      : Condition.yes("Accepted", "Accepted", "the policy applies"),
                  refs != null
                      ? refs
                      : Condition.yes("ResolvedRefs", "ResolvedRefs", "all references resolved"))));
    }
    return graph.policies().stream().map(results::get).toList(); // input order
  }

  /** Accepted=False for a target that does not resolve or that an earlier policy holds, or null. */
  private static Condition target(
      BackendTlsPolicyNode p,
      ObjectRef t,
      Graph graph,
      Map<String, BackendTlsPolicyNode> claimed,
      Resolver.Reporter r) {
    if (!t.group().isEmpty() || !t.kind().equals("Service")) {
      // Name the kind with its group: "Service" of another group is not a Service either.
      String msg =
          "targetRef '"
              + t.name()
              + "' is of kind "
              + t.kind()
              + (t.group().isEmpty() ? " (core group)" : " (group " + t.group() + ")")
              + ", not a Service of the core group, the kind a BackendTLSPolicy targets";
      r.report(GraphRules.INVALID_KIND, Severity.ERROR, p.manifest(), t.node(), t.path(), msg);
      return Condition.no("Accepted", "Invalid", msg);
    }
    if (!graph.services().containsKey(Graph.key(p.namespace(), t.name()))) {
      String what = "Service '" + Graph.key(p.namespace(), t.name()) + "'";
      if (graph.complete()) {
        String msg = "targetRef names " + what + ", which does not exist";
        r.report(
            GraphRules.POLICY_TARGET_NOT_FOUND,
            Severity.ERROR,
            p.manifest(),
            t.node(),
            t.path(),
            msg);
        return Condition.no("Accepted", "TargetNotFound", msg);
      }
      r.report(
          GraphRules.ASSUMED_PRESENT,
          Severity.INFO,
          p.manifest(),
          t.node(),
          t.path(),
          what + " is not in the input; assuming it exists");
    }
    String key =
        Graph.key(p.namespace(), t.name()) + (t.sectionName() == null ? "" : "#" + t.sectionName());
    BackendTlsPolicyNode holder = claimed.putIfAbsent(key, p);
    if (holder != null && holder != p) {
      String msg =
          "BackendTLSPolicy '"
              + Graph.key(holder.namespace(), holder.name())
              + "' targets Service '"
              + t.name()
              + "'"
              + (t.sectionName() == null ? "" : " port '" + t.sectionName() + "'")
              + " too and applies instead: "
              + (holder.createdAt() != null
                      && p.createdAt() != null
                      && !holder.createdAt().equals(p.createdAt())
                  ? "it is older"
                  : "with no creationTimestamp to tell them apart, namespace/name order decides");
      r.report(GraphRules.POLICY_CONFLICT, Severity.ERROR, p.manifest(), t.node(), t.path(), msg);
      return Condition.no("Accepted", "Conflicted", msg);
    }
    return null;
  }

  /** ResolvedRefs=False for the first CA certificate reference that does not resolve, or null. */
  private static Condition caRefs(BackendTlsPolicyNode p, Graph graph, Resolver.Reporter r) {
    for (ObjectRef c : p.caRefs()) {
      String problem;
      String reason;
      if (!c.group().isEmpty() || !CA_KINDS.contains(c.kind())) {
        problem =
            "caCertificateRef " + c.kind() + " '" + c.name() + "' is not a ConfigMap or Secret";
        reason = "InvalidKind";
      } else if (!graph.objects().contains("/" + c.kind() + "/" + p.namespace() + "/" + c.name())) {
        if (!graph.complete()) {
          r.report(
              GraphRules.ASSUMED_PRESENT,
              Severity.INFO,
              p.manifest(),
              c.node(),
              c.path(),
              c.kind()
                  + " '"
                  + Graph.key(p.namespace(), c.name())
                  + "' is not in the input; assuming it holds a valid CA certificate");
          continue;
        }
        problem = c.kind() + " '" + Graph.key(p.namespace(), c.name()) + "' does not exist";
        reason = "InvalidCACertificateRef";
      } else {
        continue;
      }
      r.report(
          GraphRules.INVALID_CA_CERTIFICATE_REF,
          Severity.ERROR,
          p.manifest(),
          c.node(),
          c.path(),
          problem);
      return Condition.no("ResolvedRefs", reason, problem);
    }
    return null;
  }

  /** For each Service {@code namespace/name}: the Gateways of accepted routes that send to it. */
  private static Map<String, Map<String, GatewayNode>> gatewaysByService(
      List<Resolution.RouteResult> routes) {
    Map<String, Map<String, GatewayNode>> out = new LinkedHashMap<>();
    for (Resolution.RouteResult rr : routes) {
      List<GatewayNode> gateways = new ArrayList<>();
      for (Resolution.ParentResult p : rr.parents()) {
        if (p.accepted().isTrue() && p.gateway() != null) {
          gateways.add(p.gateway());
        }
      }
      if (gateways.isEmpty()) {
        continue;
      }
      for (ObjectRef b : rr.node().backendRefs()) {
        if (b.group().isEmpty() && b.kind().equals("Service")) {
          Map<String, GatewayNode> m = out.computeIfAbsent(b.display(), k -> new LinkedHashMap<>());
          for (GatewayNode g : gateways) {
            m.put(Graph.key(g.namespace(), g.name()), g);
          }
        }
      }
    }
    return out;
  }
}
