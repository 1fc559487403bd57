package dev.gwc.istio;

import dev.gwc.diag.Rule;
import dev.gwc.diag.Severity;
import java.util.List;

/** The rules of Istio's cross-resource checks. */
public final class IstioRules {
  private IstioRules() {}

  public static final Rule GATEWAY_NOT_FOUND =
      new Rule(
          "istio-gateway-not-found",
          Severity.WARNING,
          "a VirtualService names a Gateway that is not in the input (an error with --complete)",
          "Istio VirtualService gateways");
  public static final Rule HOST_NOT_ON_GATEWAY =
      new Rule(
          "istio-host-not-on-gateway",
          Severity.ERROR,
          "a VirtualService host that no server of its Gateways accepts",
          "Istio Gateway servers hosts (namespace/host); VirtualService hosts and gateways");
  public static final Rule DESTINATION_NOT_FOUND =
      new Rule(
          "istio-destination-not-found",
          Severity.WARNING,
          "a destination host that is neither a Service nor a ServiceEntry host of the input (an"
              + " error with --complete)",
          "Istio Destination host; ServiceEntry hosts");
  public static final Rule DESTINATION_PORT =
      new Rule(
          "istio-destination-port",
          Severity.ERROR,
          "a destination without a port where the Service has several, or with a port it lacks",
          "Istio Destination port (required when the service exposes more than one port)");
  public static final Rule SUBSET_NOT_DEFINED =
      new Rule(
          "istio-subset-not-defined",
          Severity.ERROR,
          "a destination subset that no DestinationRule for its host defines",
          "Istio Destination subset; DestinationRule subsets");
  public static final Rule UNREACHABLE_RULE =
      new Rule(
          "istio-unreachable-rule",
          Severity.WARNING,
          "an http rule after a rule that matches every request, which it can never get",
          "Istio VirtualService http (rules are evaluated in order; the first match wins)");

  public static final Rule DELEGATE_NOT_FOUND =
      new Rule(
          "istio-delegate-not-found",
          Severity.WARNING,
          "an http rule delegates to a VirtualService that is not in the input (an error with"
              + " --complete)",
          "Istio VirtualService http delegate (the delegate VirtualService's rules replace the rule)");

  public static final Rule GATEWAY_CONFLICT =
      new Rule(
          "istio-gateway-conflict",
          Severity.ERROR,
          "two Gateways of one gateway workload claim the same port and host with different settings",
          "Istio Gateway selector and servers (servers of Gateways that select the same workload merge)");

  public static final Rule HOST_MERGED =
      new Rule(
          "istio-host-merged",
          Severity.WARNING,
          "two VirtualServices serve the same host on one Gateway (merged in no guaranteed order)",
          "Istio VirtualService hosts (merging of VirtualServices bound to a gateway)");
  public static final Rule GATEWAY_PORT_NOT_EXPOSED =
      new Rule(
          "istio-gateway-port-not-exposed",
          Severity.WARNING,
          "a Gateway server port that no Service of the gateway workload (in the input) exposes",
          "Istio Gateway servers port (the port the gateway workload's proxy listens on)");
  public static final Rule DUPLICATE_CERTIFICATE =
      new Rule(
          "istio-duplicate-certificate",
          Severity.WARNING,
          "two Gateways of one gateway workload serve the same credentialName",
          "Istio ServerTLSSettings credentialName (HTTP/2 connection reuse across hosts)");
  public static final Rule CREDENTIAL_NOT_FOUND =
      new Rule(
          "istio-credential-not-found",
          Severity.ERROR,
          "a server's credentialName names no Secret in the gateway workload's namespace (with"
              + " --complete)",
          "Istio ServerTLSSettings credentialName (a Secret in the gateway workload's namespace)");
  public static final Rule MATCH_NEVER_APPLIES =
      new Rule(
          "istio-match-never-applies",
          Severity.WARNING,
          "an http match block that no request reaching the VirtualService can satisfy",
          "Istio HTTPMatchRequest (uri, authority, port, gateways, headers and withoutHeaders)");

  public static List<Rule> all() {
    return List.of(
        GATEWAY_CONFLICT,
        GATEWAY_NOT_FOUND,
        HOST_NOT_ON_GATEWAY,
        DELEGATE_NOT_FOUND,
        DESTINATION_NOT_FOUND,
        DESTINATION_PORT,
        SUBSET_NOT_DEFINED,
        UNREACHABLE_RULE,
        MATCH_NEVER_APPLIES,
        HOST_MERGED,
        GATEWAY_PORT_NOT_EXPOSED,
        DUPLICATE_CERTIFICATE,
        CREDENTIAL_NOT_FOUND);
  }
}
