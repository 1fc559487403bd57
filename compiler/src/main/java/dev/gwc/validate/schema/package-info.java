/**
 * Structural schemas. Consumes the bundled and the user's CRDs and produces a schema catalog per
 * release and channel, and the walk of a manifest against its schema: types, formats, enums,
 * patterns (RE2), bounds, list types, unknown fields; the defaulted value that CEL rules read.
 */
package dev.gwc.validate.schema;
