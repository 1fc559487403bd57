/**
 * Ingress to Gateway API. Consumes Ingresses (with the Services, ConfigMaps and IngressClasses
 * beside them) and produces a {@link dev.gwc.convert.Conversion}: Gateways, routes, ReferenceGrants
 * and BackendTLSPolicies as plain values, each naming the Ingresses it came from, and a
 * notification for everything that could not be carried over as written.
 */
package dev.gwc.convert;
