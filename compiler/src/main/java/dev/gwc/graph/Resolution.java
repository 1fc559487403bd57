package dev.gwc.graph;

import dev.gwc.diag.Diagnostic;
import dev.gwc.graph.Nodes.GatewayClassNode;
import dev.gwc.graph.Nodes.GatewayNode;
import dev.gwc.graph.Nodes.GroupKind;
import dev.gwc.graph.Nodes.ListenerNode;
import dev.gwc.graph.Nodes.RouteNode;
import java.util.List;
import java.util.Map;

/**
 * What a conformant controller would conclude about every object: one computation, rendered both as
 * diagnostics (validate) and as status (compile).
 *
 * @param classes per GatewayClass
 * @param gateways per Gateway
 * @param routes per route
 * @param diagnostics the findings, at the references that failed
 */
public record Resolution(
    List<ClassResult> classes,
    List<GatewayResult> gateways,
    List<RouteResult> routes,
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
   * @param listeners one per listener, in order
   */
  public record GatewayResult(
      GatewayNode node, List<Condition> conditions, List<ListenerResult> listeners) {}

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
   * @param gateway the Gateway
   * @param listeners the listeners the route attached to (empty when not accepted)
   * @param accepted the Accepted condition
   * @param resolvedRefs the ResolvedRefs condition
   */
  public record ParentResult(
      ObjectRef ref,
      GatewayNode gateway,
      List<ListenerNode> listeners,
      Condition accepted,
      Condition resolvedRefs) {}
}
