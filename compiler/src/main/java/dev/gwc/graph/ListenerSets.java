package dev.gwc.graph;

import dev.gwc.diag.Severity;
import dev.gwc.graph.Listeners.Owned;
import dev.gwc.graph.Listeners.Owner;
import dev.gwc.graph.Nodes.GatewayNode;
import dev.gwc.graph.Nodes.ListenerNode;
import dev.gwc.graph.Nodes.ListenerSetNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * ListenerSet resolution (GEP-1713): whether each set attaches to its parent Gateway (the Gateway's
 * allowedListeners admits the set's namespace and the Gateway is accepted), and the state of its
 * listeners in the Gateway's merged list — the Gateway's own listeners first, then the sets, oldest
 * first, then by {@code namespace/name}. A listener that cannot be told apart from an earlier one
 * loses (Conflicted); the earlier one keeps the port.
 */
final class ListenerSets {
  private ListenerSets() {}

  /**
   * One set's outcome before routes attach.
   *
   * @param node the set
   * @param gateway its parent Gateway, or null when that is not in the input
   * @param conditions Accepted and Programmed, or null when no controller in the input owns it
   * @param states the state of each of its listeners
   */
  record SetState(
      ListenerSetNode node,
      GatewayNode gateway,
      List<Condition> conditions,
      Map<ListenerNode, Listeners.State> states) {}

  /**
   * The merge order of the specification. Git has no creation times: a set without
   * metadata.creationTimestamp counts as older than any set with one, and sets of equal age are
   * ordered by {@code namespace/name}.
   */
  static final Comparator<ListenerSetNode> MERGE_ORDER =
      Comparator.comparing((ListenerSetNode s) -> s.createdAt() == null ? "" : s.createdAt())
          .thenComparing(s -> Graph.key(s.namespace(), s.name()));

  /**
   * Resolves every set.
   *
   * @param gatewayConditions each Gateway's Accepted and Programmed conditions
   * @param merged each Gateway's merged listener list so far (its own listeners); accepted
   *     listeners of attached sets are appended in merge order
   */
  static List<SetState> resolve(
      Graph graph,
      Map<GatewayNode, List<Condition>> gatewayConditions,
      Map<GatewayNode, List<Owned>> merged,
      Resolver.Reporter r) {
    List<ListenerSetNode> order = new ArrayList<>(graph.listenerSets().values());
    order.sort(MERGE_ORDER);
    List<SetState> out = new ArrayList<>();
    for (ListenerSetNode s : order) {
      out.add(resolve(s, graph, gatewayConditions, merged, r));
    }
    return out;
  }

  private static SetState resolve(
      ListenerSetNode s,
      Graph graph,
      Map<GatewayNode, List<Condition>> gatewayConditions,
      Map<GatewayNode, List<Owned>> merged,
      Resolver.Reporter r) {
    ObjectRef p = s.parentRef();
    Owner owner = Owner.of(s);
    GatewayNode g =
        p == null || !p.kind().equals("Gateway") || !p.group().equals(GraphBuilder.GATEWAY_GROUP)
            ? null
            : graph.gateways().get(Graph.key(p.namespace(), p.name()));
    if (g == null) {
      if (p == null) {
        return new SetState(s, null, null, pending(s, "the ListenerSet has no parentRef"));
      }
      if (graph.complete()) {
        r.report(
            GraphRules.PARENT_NOT_FOUND,
            Severity.ERROR,
            s.manifest(),
            p.node(),
            p.path(),
            "parentRef names Gateway '" + p.display() + "', which is not in the input");
        return new SetState(
            s, null, null, pending(s, "parent Gateway '" + p.display() + "' does not exist"));
      }
      r.report(
          GraphRules.ASSUMED_PRESENT,
          Severity.INFO,
          s.manifest(),
          p.node(),
          p.path(),
          "Gateway '"
              + p.display()
              + "' is not in the input; assuming it exists, admits this ListenerSet and has no"
              + " listener that conflicts with its listeners");
      Map<ListenerNode, Listeners.State> states = Listeners.states(owner, List.of(), graph, r);
      return new SetState(s, null, rollUp(s, states), states);
    }
    Condition parent = gatewayConditions.get(g).get(0);
    if (!parent.isTrue()) {
      String msg =
          "parent Gateway '"
              + p.display()
              + "' is not accepted ("
              + parent.reason()
              + "), so its listeners are not merged";
      return notAttached(s, g, "ParentNotAccepted", msg, r);
    }
    if (!Listeners.admits(g.allowedListeners(), g.namespace(), s.namespace(), graph)) {
      String msg =
          "Gateway '"
              + p.display()
              + "' does not admit ListenerSets from namespace '"
              + s.namespace()
              + "': its allowedListeners admits "
              + (g.allowedListeners().from().equals("None")
                  ? "none (the default; set spec.allowedListeners.namespaces.from)"
                  : Listeners.describe(g.allowedListeners()));
      return notAttached(s, g, "NotAllowed", msg, r);
    }
    List<Owned> list = merged.get(g);
    Map<ListenerNode, Listeners.State> states = Listeners.states(owner, list, graph, r);
    for (ListenerNode l : s.listeners()) {
      if (states.get(l).accepted()) {
        list.add(new Owned(owner, l));
      }
    }
    return new SetState(s, g, rollUp(s, states), states);
  }

  /** Reports, at its parentRef, a set that its Gateway does not merge, and its state. */
  private static SetState notAttached(
      ListenerSetNode s, GatewayNode g, String reason, String msg, Resolver.Reporter r) {
    ObjectRef p = s.parentRef();
    r.report(
        GraphRules.LISTENER_SET_NOT_ALLOWED, Severity.ERROR, s.manifest(), p.node(), p.path(), msg);
    return new SetState(
        s,
        g,
        List.of(
            Condition.no("Accepted", reason, msg),
            Condition.no("Programmed", "Invalid", "the ListenerSet is not attached")),
        pending(s, "the ListenerSet is not attached to its Gateway"));
  }

  /** States of listeners that no Gateway merges: not accepted, pending. */
  private static Map<ListenerNode, Listeners.State> pending(ListenerSetNode s, String why) {
    Map<ListenerNode, Listeners.State> out = new IdentityHashMap<>();
    for (ListenerNode l : s.listeners()) {
      out.put(
          l,
          new Listeners.State(
              Listeners.protocolKinds(l.protocol()),
              List.of(
                  Condition.no("Accepted", "Pending", why),
                  Condition.no("Programmed", "Pending", why)),
              false));
    }
    return out;
  }

  /** Accepted and Programmed of an attached set, from its listeners (reason ListenersNotValid). */
  private static List<Condition> rollUp(
      ListenerSetNode s, Map<ListenerNode, Listeners.State> states) {
    return Listeners.rollUp(s.listeners(), states, "ListenerSet");
  }
}
