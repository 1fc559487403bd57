package dev.gwc.table;

/**
 * The data plane a result names: a Gateway's namespace and name, or for an ingress class no
 * namespace and the class's name.
 *
 * @param namespace the namespace, or null for an ingress class
 * @param name the name
 */
public record GatewayId(String namespace, String name) {}
