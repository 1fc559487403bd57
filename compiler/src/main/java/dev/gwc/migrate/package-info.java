/**
 * The migration check ({@code simulate --compare}). Consumes the manifests and routers of an old
 * and a new set and produces probes generated from both sides' rules ({@link
 * dev.gwc.migrate.Probes}) and, for every request that lands differently, a difference with the
 * notifications that announced it ({@link dev.gwc.migrate.Comparison}).
 */
package dev.gwc.migrate;
