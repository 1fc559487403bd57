package dev.gwc.table;

/**
 * A route by kind, namespace and name: a map key that hashes the table's own strings (each hash
 * kept by its string) rather than a string built per request.
 *
 * @param kind the route's kind
 * @param namespace its namespace
 * @param name its name
 */
public record RouteName(String kind, String namespace, String name) {}
