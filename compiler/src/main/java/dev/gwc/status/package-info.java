/**
 * The status stage. Consumes the resolution of a set and produces, per resource, the {@code status}
 * a conformant Gateway API controller writes (conditions, reasons, attached routes, supported
 * kinds), deterministic to the byte.
 */
package dev.gwc.status;
