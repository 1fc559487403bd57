/**
 * The migration check ({@code simulate --compare}). Consumes the compiled old and new sets and
 * produces probes generated from both sides' rules ({@link dev.gwc.migrate.Probes}) and, for every
 * request that lands differently, a difference with the notifications that announced it ({@link
 * dev.gwc.migrate.Comparison}).
 *
 * <p>Probes are generated from the manifests as written, not from the routing tables: a table holds
 * only what attached, and a route that attaches on one side and not on the other is the difference
 * this check exists to find. So this package, like {@code output}, reads the compiled set's
 * manifests; routing itself goes through {@code sim} and {@code table} only.
 */
package dev.gwc.migrate;
