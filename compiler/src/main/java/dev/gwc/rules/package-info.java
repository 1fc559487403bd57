/**
 * Single-resource rules beyond the CRDs. Consumes one manifest and produces findings through a
 * {@link dev.gwc.rules.Reporter}; one class per defect, each with its rule id and catalog entry.
 */
package dev.gwc.rules;
