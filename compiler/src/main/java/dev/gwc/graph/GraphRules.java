package dev.gwc.graph;

import dev.gwc.diag.Rule;
import dev.gwc.diag.Severity;
import java.util.List;

/**
 * The cross-resource rules. Where Gateway API names the condition reason, the id echoes it, so that
 * a diagnostic and the status {@code gwc compile} writes say the same thing.
 */
public final class GraphRules {
  private GraphRules() {}

  public static final Rule PARENT_NOT_FOUND =
      new Rule(
          "parent-not-found",
          Severity.WARNING,
          "a parentRef names a Gateway that is not in the input (an error with --complete)",
          "Gateway API ParentReference; gwc contract: partial inputs");
  public static final Rule GATEWAY_CLASS_NOT_FOUND =
      new Rule(
          "gateway-class-not-found",
          Severity.ERROR,
          "with --complete, a Gateway names a GatewayClass that is not in the input",
          "Gateway API Gateway spec.gatewayClassName; GatewayClass");
  public static final Rule NO_MATCHING_PARENT =
      new Rule(
          "no-matching-parent",
          Severity.ERROR,
          "a parentRef's sectionName or port matches no listener of the Gateway (reason NoMatchingParent)",
          "Gateway API RouteConditionReason NoMatchingParent; ParentReference sectionName and port");
  public static final Rule NOT_ALLOWED_BY_LISTENERS =
      new Rule(
          "not-allowed-by-listeners",
          Severity.ERROR,
          "no matching listener allows the route's namespace or kind (reason NotAllowedByListeners)",
          "Gateway API AllowedRoutes (namespaces.from Same/All/Selector, kinds)");
  public static final Rule NO_MATCHING_LISTENER_HOSTNAME =
      new Rule(
          "no-matching-listener-hostname",
          Severity.ERROR,
          "none of the route's hostnames intersects a matching listener's hostname (reason NoMatchingListenerHostname)",
          "Gateway API HTTPRoute hostnames and Listener hostname intersection");
  public static final Rule BACKEND_NOT_FOUND =
      new Rule(
          "backend-not-found",
          Severity.ERROR,
          "a backendRef names a Service or port that does not exist (reason BackendNotFound)",
          "Gateway API RouteConditionReason BackendNotFound");
  public static final Rule REF_NOT_PERMITTED =
      new Rule(
          "ref-not-permitted",
          Severity.ERROR,
          "a reference into another namespace without a ReferenceGrant there (reason RefNotPermitted)",
          "Gateway API ReferenceGrant (GEP-709)");
  public static final Rule INVALID_KIND =
      new Rule(
          "invalid-kind",
          Severity.ERROR,
          "a backendRef to a kind the implementation does not support (reason InvalidKind)",
          "Gateway API BackendObjectReference; core support is Service");
  public static final Rule INVALID_CERTIFICATE_REF =
      new Rule(
          "invalid-certificate-ref",
          Severity.ERROR,
          "a listener certificateRef that is missing, of the wrong kind, or not a TLS certificate (reason InvalidCertificateRef)",
          "Gateway API GatewayTLSConfig certificateRefs; ListenerReasonInvalidCertificateRef");
  public static final Rule INVALID_CA_CERTIFICATE_REF =
      new Rule(
          "invalid-ca-certificate-ref",
          Severity.ERROR,
          "a frontend TLS validation caCertificateRef that is missing or not a ConfigMap (reasons InvalidCACertificateRef, InvalidCACertificateKind)",
          "Gateway API FrontendTLSValidation caCertificateRefs; ListenerReasonNoValidCACertificate");
  public static final Rule INVALID_CLIENT_CERTIFICATE_REF =
      new Rule(
          "invalid-client-certificate-ref",
          Severity.ERROR,
          "a Gateway's backend client certificate (spec.tls.backend.clientCertificateRef) is not a usable TLS Secret (reason InvalidClientCertificateRef)",
          "Gateway API GatewayBackendTLS; GatewayReasonInvalidClientCertificateRef");
  public static final Rule INVALID_ROUTE_KINDS =
      new Rule(
          "invalid-route-kinds",
          Severity.ERROR,
          "allowedRoutes.kinds names a kind the listener's protocol cannot carry (reason InvalidRouteKinds)",
          "Gateway API AllowedRoutes kinds; ListenerReasonInvalidRouteKinds");
  public static final Rule INVALID_PARAMETERS =
      new Rule(
          "invalid-parameters",
          Severity.ERROR,
          "a parametersRef to an object that does not exist or is not supported (reason InvalidParameters)",
          "Gateway API GatewayClass and Gateway infrastructure parametersRef");
  public static final Rule UNSUPPORTED_ADDRESS =
      new Rule(
          "unsupported-address",
          Severity.WARNING,
          "a Gateway address of a type other than IPAddress or Hostname; the Gateway is not accepted (reason UnsupportedAddress)",
          "Gateway API GatewaySpecAddress; GatewayReasonUnsupportedAddress");
  public static final Rule UNSUPPORTED_VALUE =
      new Rule(
          "unsupported-value",
          Severity.ERROR,
          "a route rule whose header modifier filter the schema lets through but no implementation may carry out; the rule is dropped (PartiallyInvalid) or, when no rule is valid, the route is not accepted (UnsupportedValue)",
          "Gateway API HTTPHeaderFilter; RouteConditionPartiallyInvalid; RouteReasonUnsupportedValue");
  public static final Rule UNSUPPORTED_PROTOCOL =
      new Rule(
          "unsupported-protocol",
          Severity.ERROR,
          "a listener protocol that is neither a core protocol nor implementation-specific (reason UnsupportedProtocol)",
          "Gateway API ProtocolType; ListenerReasonUnsupportedProtocol");
  public static final Rule LISTENER_CONFLICT =
      new Rule(
          "listener-conflict",
          Severity.ERROR,
          "two listeners share a port and cannot be told apart (reasons ProtocolConflict, HostnameConflict)",
          "Gateway API Listeners: distinct port, protocol and hostname");
  public static final Rule OVERLAPPING_TLS_CONFIG =
      new Rule(
          "overlapping-tls-config",
          Severity.INFO,
          "TLS listeners on one port whose hostnames overlap (condition OverlappingTLSConfig, reason OverlappingHostnames)",
          "Gateway API ListenerConditionOverlappingTLSConfig (GEP-3567)");
  public static final Rule OVERLAPPING_MATCH =
      new Rule(
          "overlapping-match",
          Severity.WARNING,
          "an HTTPRoute match that another route on the same listener and hostname repeats exactly; only one gets the traffic",
          "Gateway API HTTPRouteRule matches precedence (creation time, then namespace/name)");
  public static final Rule LISTENER_WITHOUT_ROUTES =
      new Rule(
          "listener-without-routes",
          Severity.INFO,
          "a listener to which no route in the input attaches (attachedRoutes 0)",
          "Gateway API ListenerStatus attachedRoutes");
  public static final Rule ASSUMED_PRESENT =
      new Rule(
          "assumed-present",
          Severity.INFO,
          "a referenced object is not in the input; gwc assumes it exists as referenced",
          "gwc contract: partial inputs are normal");

  public static final Rule GATEWAY_CLASS_NOT_ACCEPTED =
      new Rule(
          "gateway-class-not-accepted",
          Severity.WARNING,
          "a Gateway's GatewayClass is in the input but not accepted, so no controller reconciles the Gateway (its status stays Pending)",
          "Gateway API GatewayClass Accepted condition; Gateway spec.gatewayClassName");
  public static final Rule LISTENER_SET_NOT_ALLOWED =
      new Rule(
          "listener-set-not-allowed",
          Severity.ERROR,
          "a ListenerSet whose parent Gateway does not admit it (allowedListeners), or whose Gateway is not accepted (reasons NotAllowed, ParentNotAccepted)",
          "Gateway API ListenerSet (GEP-1713); Gateway spec.allowedListeners");
  public static final Rule POLICY_TARGET_NOT_FOUND =
      new Rule(
          "policy-target-not-found",
          Severity.WARNING,
          "a BackendTLSPolicy targets a Service that is not in the input, or a port name the Service does not have (reason TargetNotFound; an error with --complete)",
          "Gateway API BackendTLSPolicy targetRefs; PolicyReasonTargetNotFound");
  public static final Rule POLICY_CONFLICT =
      new Rule(
          "policy-conflict",
          Severity.ERROR,
          "two BackendTLSPolicies target the same Service port; the older one (then namespace/name order) applies (reason Conflicted)",
          "Gateway API BackendTLSPolicy (GEP-1897); policy attachment conflict resolution");
  public static final Rule POLICY_WITHOUT_ANCESTORS =
      new Rule(
          "policy-without-ancestors",
          Severity.INFO,
          "no route in the input sends traffic through a Gateway to the Services a BackendTLSPolicy targets, so its status has no ancestors",
          "Gateway API PolicyAncestorStatus");

  /** Every rule of this stage. */
  public static List<Rule> all() {
    return List.of(
        PARENT_NOT_FOUND,
        GATEWAY_CLASS_NOT_FOUND,
        NO_MATCHING_PARENT,
        NOT_ALLOWED_BY_LISTENERS,
        NO_MATCHING_LISTENER_HOSTNAME,
        BACKEND_NOT_FOUND,
        REF_NOT_PERMITTED,
        INVALID_KIND,
        INVALID_CERTIFICATE_REF,
        INVALID_CA_CERTIFICATE_REF,
        INVALID_CLIENT_CERTIFICATE_REF,
        INVALID_ROUTE_KINDS,
        INVALID_PARAMETERS,
        UNSUPPORTED_ADDRESS,
        UNSUPPORTED_VALUE,
        UNSUPPORTED_PROTOCOL,
        LISTENER_CONFLICT,
        OVERLAPPING_TLS_CONFIG,
        OVERLAPPING_MATCH,
        LISTENER_WITHOUT_ROUTES,
        ASSUMED_PRESENT,
        GATEWAY_CLASS_NOT_ACCEPTED,
        LISTENER_SET_NOT_ALLOWED,
        POLICY_TARGET_NOT_FOUND,
        POLICY_CONFLICT,
        POLICY_WITHOUT_ANCESTORS);
  }
}
