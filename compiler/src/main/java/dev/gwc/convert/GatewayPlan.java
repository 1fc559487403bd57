package dev.gwc.convert;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Gateway to generate: an ingress class and the Ingresses in it.
 *
 * @param name the Gateway's name (the ingress class name)
 * @param namespace the Gateway's namespace
 * @param gatewayClassName the GatewayClass it names
 * @param ingresses its Ingresses, oldest first (creationTimestamp, then namespace and name)
 * @param settings each Ingress's annotations, by {@code namespace/name}
 * @param tlsHosts the hosts that get an HTTPS listener
 */
record GatewayPlan(
    String name,
    String namespace,
    String gatewayClassName,
    List<IngressSource> ingresses,
    Map<String, NginxSettings> settings,
    Set<String> tlsHosts) {
  GatewayPlan {
    ingresses = List.copyOf(ingresses);
    settings = Map.copyOf(settings);
    tlsHosts = Set.copyOf(tlsHosts);
  }

  NginxSettings settings(IngressSource ing) {
    return settings.get(ing.id());
  }
}
