package dev.gwc.graph;

import dev.gwc.graph.Nodes.BackendTlsPolicyNode;
import dev.gwc.graph.Nodes.GatewayClassNode;
import dev.gwc.graph.Nodes.GatewayNode;
import dev.gwc.graph.Nodes.ListenerSetNode;
import dev.gwc.graph.Nodes.ReferenceGrantNode;
import dev.gwc.graph.Nodes.RouteNode;
import dev.gwc.graph.Nodes.SecretNode;
import dev.gwc.graph.Nodes.ServiceNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything read, indexed for resolution: GatewayClass → Gateway → listeners ← routes → backends,
 * Secrets, ReferenceGrants and namespaces with their labels. Immutable.
 *
 * @param classes GatewayClasses by name
 * @param gateways Gateways by {@code namespace/name}
 * @param listenerSets ListenerSets by {@code namespace/name}
 * @param routes every route, in input order
 * @param policies every BackendTLSPolicy, in input order
 * @param grants every ReferenceGrant
 * @param services Services by {@code namespace/name}
 * @param secrets Secrets by {@code namespace/name}
 * @param namespaces namespaces in the input, with their labels (including the automatic {@code
 *     kubernetes.io/metadata.name})
 * @param objects {@code group/kind/namespace/name} of every object in the input, for references to
 *     kinds gwc does not model
 * @param complete whether the input is the whole set ({@code --complete})
 */
public record Graph(
    Map<String, GatewayClassNode> classes,
    Map<String, GatewayNode> gateways,
    Map<String, ListenerSetNode> listenerSets,
    List<RouteNode> routes,
    List<BackendTlsPolicyNode> policies,
    List<ReferenceGrantNode> grants,
    Map<String, ServiceNode> services,
    Map<String, SecretNode> secrets,
    Map<String, Map<String, String>> namespaces,
    Set<String> objects,
    boolean complete) {

  /** The key used in the maps: {@code namespace/name}. */
  public static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  /**
   * The labels of a namespace: as written, or (when it is not in the input) only the automatic one.
   */
  public Map<String, String> namespaceLabels(String namespace) {
    Map<String, String> labels = namespaces.get(namespace);
    return labels != null ? labels : Map.of("kubernetes.io/metadata.name", namespace);
  }

  /** Whether a ReferenceGrant in the target's namespace lets {@code from} refer to the target. */
  public boolean granted(
      String fromGroup,
      String fromKind,
      String fromNamespace,
      String toGroup,
      String toKind,
      String toNamespace,
      String toName) {
    for (ReferenceGrantNode g : grants) {
      if (!g.namespace().equals(toNamespace)) {
        continue;
      }
      boolean fromOk =
          g.from().stream()
              .anyMatch(
                  f ->
                      f.group().equals(fromGroup)
                          && f.kind().equals(fromKind)
                          && f.namespace().equals(fromNamespace));
      boolean toOk =
          g.to().stream()
              .anyMatch(
                  t ->
                      t.group().equals(toGroup)
                          && t.kind().equals(toKind)
                          && (t.name() == null || t.name().equals(toName)));
      if (fromOk && toOk) {
        return true;
      }
    }
    return false;
  }
}
