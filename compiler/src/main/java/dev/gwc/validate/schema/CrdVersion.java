package dev.gwc.validate.schema;

/**
 * One version of a CRD.
 *
 * @param name the version, e.g. {@code v1}
 * @param served whether the API server serves it
 * @param deprecated whether it is marked deprecated
 * @param schema the root schema, or null when the version has none
 */
public record CrdVersion(String name, boolean served, boolean deprecated, Schema schema) {}
