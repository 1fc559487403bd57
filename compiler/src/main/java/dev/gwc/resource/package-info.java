/**
 * The resource stage. Consumes YAML documents and produces {@link dev.gwc.resource.Manifest}s: one
 * Kubernetes object each, with apiVersion, kind, name and namespace as written (a {@code List}
 * gives several), and findings for objects without identity.
 */
package dev.gwc.resource;
