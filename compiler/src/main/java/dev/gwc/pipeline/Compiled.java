package dev.gwc.pipeline;

import dev.gwc.resource.Manifest;

/**
 * A resource after validation.
 *
 * @param manifest where it came from
 * @param value the object with CRD defaults applied (CEL values), when kept; else null
 * @param validated whether a schema applied to it (a kind gwc validates)
 */
public record Compiled(Manifest manifest, Object value, boolean validated) {}
