package dev.gwc.graph;

import dev.gwc.resource.Manifest;
import java.util.List;
import java.util.Map;

/** The graph's typed views of resources; each keeps its manifest for positions. */
public final class Nodes {
  private Nodes() {}

  /** What the graph stage reads of one resource, taken while its tree is at hand. */
  public interface GraphNode {}

  /**
   * A GatewayClass.
   *
   * @param manifest the source
   * @param name its name
   * @param controllerName spec.controllerName
   * @param parametersRef spec.parametersRef, or null
   */
  public record GatewayClassNode(
      Manifest manifest, String name, String controllerName, ObjectRef parametersRef)
      implements GraphNode {}

  /**
   * A listener of a Gateway.
   *
   * @param index its index in spec.listeners
   * @param name its name
   * @param protocol HTTP, HTTPS, TLS, TCP, UDP or a domain-prefixed custom protocol
   * @param port its port
   * @param hostname its hostname, or null (any)
   * @param tlsMode Terminate, Passthrough or null
   * @param certificateRefs tls.certificateRefs
   * @param namespacesFrom allowedRoutes.namespaces.from (default Same)
   * @param namespaceSelector matchLabels of the selector, when from is Selector
   * @param selectorExpressions whether the selector uses matchExpressions (evaluated too)
   * @param allowedKinds allowedRoutes.kinds as group/kind pairs, empty for the protocol's default
   * @param path its field path
   */
  public record ListenerNode(
      int index,
      String name,
      String protocol,
      int port,
      String hostname,
      String tlsMode,
      List<ObjectRef> certificateRefs,
      String namespacesFrom,
      Map<String, String> namespaceSelector,
      List<Map<String, Object>> selectorExpressions,
      List<GroupKind> allowedKinds,
      String path) {}

  /**
   * A group and kind.
   *
   * @param group the group ("" for core)
   * @param kind the kind
   */
  public record GroupKind(String group, String kind) {}

  /**
   * A Gateway.
   *
   * @param manifest the source
   * @param namespace its namespace
   * @param name its name
   * @param className spec.gatewayClassName
   * @param listeners its listeners
   * @param parametersRef spec.infrastructure.parametersRef, or null
   * @param caDefault spec.tls.frontend.default.validation.caCertificateRefs, or null when absent
   * @param caPerPort spec.tls.frontend.perPort: port to its caCertificateRefs
   * @param allowedListeners spec.allowedListeners.namespaces: which ListenerSets may attach (from
   *     defaults to None)
   * @param clientCertificateRef spec.tls.backend.clientCertificateRef, or null
   * @param defaultScope spec.defaultScope (GEP-3793), or null when unset or None
   */
  public record GatewayNode(
      Manifest manifest,
      String namespace,
      String name,
      String className,
      List<ListenerNode> listeners,
      ObjectRef parametersRef,
      List<ObjectRef> caDefault,
      Map<Integer, List<ObjectRef>> caPerPort,
      NamespacePolicy allowedListeners,
      ObjectRef clientCertificateRef,
      String defaultScope)
      implements GraphNode {
    /** The values of spec.addresses, as written (empty when the manifest was kept slim). */
    public List<String> addresses() {
      List<String> out = new java.util.ArrayList<>();
      if (manifest.root() != null
          && manifest.root().get("spec") instanceof dev.gwc.yaml.YMap spec
          && spec.get("addresses") instanceof dev.gwc.yaml.YSeq addresses) {
        for (dev.gwc.yaml.YNode a : addresses.items()) {
          if (a instanceof dev.gwc.yaml.YMap am && am.string("value") != null) {
            out.add(am.string("value"));
          }
        }
      }
      return out;
    }
  }

  /**
   * Which namespaces an allowedRoutes or allowedListeners field admits.
   *
   * @param from Same, All, Selector or None
   * @param matchLabels the selector's matchLabels (Selector only)
   * @param expressions the selector's matchExpressions as key/operator/values maps (Selector only)
   */
  public record NamespacePolicy(
      String from, Map<String, String> matchLabels, List<Map<String, Object>> expressions) {}

  /**
   * A ListenerSet: listeners that a Gateway merges into its own when its allowedListeners admits
   * the set's namespace.
   *
   * @param manifest the source
   * @param namespace its namespace
   * @param name its name
   * @param parentRef spec.parentRef (a Gateway)
   * @param listeners spec.listeners
   * @param createdAt metadata.creationTimestamp, or null (Git has none)
   */
  public record ListenerSetNode(
      Manifest manifest,
      String namespace,
      String name,
      ObjectRef parentRef,
      List<ListenerNode> listeners,
      String createdAt)
      implements GraphNode {}

  /**
   * A BackendTLSPolicy: how Gateways talk TLS to the Services it targets.
   *
   * @param manifest the source
   * @param namespace its namespace (targets and CA references are local to it)
   * @param name its name
   * @param targetRefs spec.targetRefs (Services, optionally one port by sectionName)
   * @param caRefs spec.validation.caCertificateRefs
   * @param createdAt metadata.creationTimestamp, or null
   */
  public record BackendTlsPolicyNode(
      Manifest manifest,
      String namespace,
      String name,
      List<ObjectRef> targetRefs,
      List<ObjectRef> caRefs,
      String createdAt)
      implements GraphNode {}

  /**
   * A route of any kind.
   *
   * @param manifest the source
   * @param kind HTTPRoute, GRPCRoute, TLSRoute, TCPRoute or UDPRoute
   * @param namespace its namespace
   * @param name its name
   * @param hostnames spec.hostnames
   * @param parentRefs spec.parentRefs
   * @param backendRefs every backendRef of every rule (and of request mirrors)
   * @param matches every match of every rule in canonical form (HTTPRoute), for overlap checks
   * @param ruleCount how many rules it has
   * @param invalidRules the rules an implementation must drop, by index, with the first problem of
   *     each (a header modifier filter the schema lets through but no request can carry out)
   * @param useDefaultGateways spec.useDefaultGateways (GEP-3793) when it names a scope, else null
   */
  public record RouteNode(
      Manifest manifest,
      String kind,
      String namespace,
      String name,
      List<String> hostnames,
      List<ObjectRef> parentRefs,
      List<ObjectRef> backendRefs,
      List<MatchKey> matches,
      int ruleCount,
      Map<Integer, RuleProblem> invalidRules,
      DefaultGateways useDefaultGateways)
      implements GraphNode {
    /** Whether every rule is invalid, so that no parent accepts the route. */
    public boolean everyRuleInvalid() {
      return ruleCount > 0 && invalidRules.size() == ruleCount;
    }
  }

  /**
   * A route's request for default Gateways.
   *
   * @param scope the scope it asks for ({@code All})
   * @param at where it is written (a childless anchor)
   */
  public record DefaultGateways(String scope, dev.gwc.yaml.YNode at) {}

  /**
   * Why a route rule is invalid.
   *
   * @param message what is wrong, in a sentence fragment
   * @param node where (a childless anchor)
   * @param path the field path of the offending value
   */
  public record RuleProblem(String message, dev.gwc.yaml.YNode node, String path) {}

  /**
   * One match of one rule, in canonical form.
   *
   * @param rule the rule's index
   * @param match the match's index in the rule
   * @param key the canonical description (path, method, headers, query parameters)
   * @param node where the match is written
   */
  public record MatchKey(int rule, int match, String key, dev.gwc.yaml.YNode node) {}

  /**
   * A ReferenceGrant.
   *
   * @param namespace where it lives (the target namespace)
   * @param from the group, kind and namespace of permitted referrers
   * @param to the group, kind and optional name of permitted targets
   */
  public record ReferenceGrantNode(String namespace, List<GrantFrom> from, List<GrantTo> to)
      implements GraphNode {}

  /**
   * A {@code from} entry.
   *
   * @param group the referrer's group
   * @param kind the referrer's kind
   * @param namespace the referrer's namespace
   */
  public record GrantFrom(String group, String kind, String namespace) {}

  /**
   * A {@code to} entry.
   *
   * @param group the target's group
   * @param kind the target's kind
   * @param name the target's name, or null for all
   */
  public record GrantTo(String group, String kind, String name) {}

  /**
   * A Service.
   *
   * @param namespace its namespace
   * @param name its name
   * @param ports its port numbers
   */
  public record ServiceNode(String namespace, String name, List<Integer> ports)
      implements GraphNode {}

  /**
   * A Secret.
   *
   * @param namespace its namespace
   * @param name its name
   * @param tlsProblem what keeps it from serving as a TLS certificate, or null ({@link SecretTls});
   *     read once, when the Secret is, however many listeners name it
   */
  public record SecretNode(String namespace, String name, String tlsProblem) implements GraphNode {}
}
