/**
 * Istio's cross-resource checks. Consumes the validated {@code networking.istio.io} manifests
 * (Gateways, VirtualServices, DestinationRules, ServiceEntries, with their YAML trees) and the
 * ports of the input's Services; produces diagnostics at the line of the offending entry: what
 * {@code istioctl analyze} would point at before the set is applied.
 */
package dev.gwc.istio;
