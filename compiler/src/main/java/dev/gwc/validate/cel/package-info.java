/**
 * CEL, as the API server evaluates {@code x-kubernetes-validations}. Consumes rule expressions and
 * the values the schema walk built and produces each rule's outcome: directly for the usual subset
 * of CEL ({@link dev.gwc.validate.cel.DirectPlan}), else with Google's CEL for Java and the
 * Kubernetes library functions; property names escaped as Kubernetes escapes them.
 */
package dev.gwc.validate.cel;
