package dev.gwc.pipeline;

import dev.gwc.graph.Nodes.GraphNode;
import dev.gwc.resource.Manifest;
import java.util.Map;

/**
 * A resource after validation.
 *
 * @param manifest where it came from
 * @param value the object with CRD defaults applied (CEL values: maps, lists, scalars), when kept;
 *     else null
 * @param validated whether a schema applied to it (a kind gwc validates)
 * @param graphNode its node for the graph stage, read while its tree was at hand, or null
 */
public record Compiled(
    Manifest manifest, Map<?, ?> value, boolean validated, GraphNode graphNode) {}
