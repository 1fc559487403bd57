/**
 * The graph stage. Consumes the manifests of the whole set and produces its {@link
 * dev.gwc.graph.Resolution}: which routes attach to which listeners (sectionName, port, allowed
 * namespaces and kinds, hostnames), which references resolve (backends, certificates,
 * ReferenceGrants, policies), listener conflicts and overlapping rules, with the conditions a
 * conformant controller would set and the findings that explain them.
 */
package dev.gwc.graph;
