package dev.gwc.graph;

import dev.gwc.diag.Diagnostic;
import dev.gwc.graph.Nodes.BackendTlsPolicyNode;
import dev.gwc.graph.Nodes.GatewayClassNode;
import dev.gwc.graph.Nodes.GatewayNode;
import dev.gwc.graph.Nodes.GroupKind;
import dev.gwc.graph.Nodes.ListenerNode;
import dev.gwc.graph.Nodes.ListenerSetNode;
import dev.gwc.graph.Nodes.RouteNode;
import java.util.List;
import java.util.Map;

/**
 * What a conformant controller would conclude about every object: one computation, rendered both as
 * diagnostics (validate) and as status (compile).
 *
 * @param classes per GatewayClass
 * @param gateways per Gateway
 * @param listenerSets per ListenerSet, in the order Gateways merge them
 * @param routes per route
 * @param policies per BackendTLSPolicy
 * @param diagnostics the findings, at the references that failed
 */
public record Resolution(
    List<ClassResult> classes,
    List<GatewayResult> gateways,
    List<ListenerSetResult> listenerSets,
    List<RouteResult> routes,
    List<PolicyResult> policies,
    List<Diagnostic> diagnostics) {

  /**
   * A GatewayClass's outcome.
   *
   * @param node the class
   * @param accepted its Accepted condition
   */
  public record ClassResult(GatewayClassNode node, Condition accepted) {}

  /**
   * A Gateway's outcome.
   *
   * @param node the Gateway
   * @param conditions Accepted and Programmed
   * @param listeners one per listener of its own, in order
   * @param listenerSets how many ListenerSets name it as parent (-1 when none does, so that its
   *     status leaves attachedListenerSets out)
   * @param attachedListenerSets how many of them attached
   */
  public record GatewayResult(
      GatewayNode node,
      List<Condition> conditions,
      List<ListenerResult> listeners,
      int listenerSets,
      int attachedListenerSets) {}

  /**
   * A ListenerSet's outcome.
   *
   * @param node the ListenerSet
   * @param gateway its parent Gateway, or null when that is not in the input
   * @param conditions Accepted and Programmed, or null when no controller of the input owns it
   * @param listeners one per listener entry, in order
   */
  public record ListenerSetResult(
      ListenerSetNode node,
      GatewayNode gateway,
      List<Condition> conditions,
      List<ListenerResult> listeners) {
    public boolean accepted() {
      return conditions != null && conditions.get(0).isTrue();
    }
  }

  /**
   * A BackendTLSPolicy's outcome.
   *
   * @param node the policy
   * @param ancestors the Gateways through which routes in the input send traffic to its targets
   * @param conditions Accepted and ResolvedRefs, the same for every ancestor
   */
  public record PolicyResult(
      BackendTlsPolicyNode node, List<GatewayNode> ancestors, List<Condition> conditions) {}

  /**
   * A listener's outcome.
   *
   * @param node the listener
   * @param supportedKinds the route kinds it accepts
   * @param conditions Accepted, Conflicted, ResolvedRefs, Programmed
   * @param attachedRoutes how many routes attached to it
   */
  public record ListenerResult(
      ListenerNode node,
      List<GroupKind> supportedKinds,
      List<Condition> conditions,
      int attachedRoutes) {}

  /**
   * A route's outcome.
   *
   * @param node the route
   * @param parents one per parentRef that names a Gateway gwc controls
   * @param invalidBackends the ResolvedRefs=False condition of each backendRef (or mirror
   *     backendRef) that does not resolve, by its field path ({@code spec.rules[0].backendRefs[1]})
   */
  public record RouteResult(
      RouteNode node, List<ParentResult> parents, Map<String, Condition> invalidBackends) {
    public RouteResult {
      parents = List.copyOf(parents);
      invalidBackends = Map.copyOf(invalidBackends);
    }
  }

  /**
   * A route's outcome for one parent.
   *
   * @param ref the parentRef
   * @param gateway the Gateway (for a ListenerSet parent, the set's Gateway, or null when that is
   *     not in the input)
   * @param listeners the listeners the route attached to (empty when not accepted)
   * @param accepted the Accepted condition
   * @param resolvedRefs the ResolvedRefs condition
   * @param partiallyInvalid PartiallyInvalid=True when the route was accepted with some of its
   *     rules dropped, else null (the condition is only ever written as True)
   */
  public record ParentResult(
      ObjectRef ref,
      GatewayNode gateway,
      List<ListenerNode> listeners,
      Condition accepted,
      Condition resolvedRefs,
      Condition partiallyInvalid) {
    /** The conditions a controller writes for this parent, in order. */
    public List<Condition> conditions() {
      return partiallyInvalid == null
          ? List.of(accepted, resolvedRefs)
          : List.of(accepted, resolvedRefs, partiallyInvalid);
    }
  }
}
