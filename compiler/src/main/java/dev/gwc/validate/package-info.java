/**
 * The validate stage. Consumes a manifest and the schema catalog and produces its findings (schema,
 * CEL, apiVersion suggestions) and its value with CRD defaults applied, pruned as the API server
 * prunes it.
 */
package dev.gwc.validate;
