/**
 * The simulator. Consumes a compiled set (only what the graph stage attached): builds its routing
 * tables, one per data plane (Gateway API Gateways, ingress-nginx ingress classes), and produces
 * for each request a {@link dev.gwc.sim.Result}: the listener, route, rule, filters applied,
 * backend and status, with the trace that explains them, as a conformant data plane would route it.
 * Reading request files, comparing two sets and serving over HTTP are the packages {@code traffic},
 * {@code migrate} and {@code serve}; rendering results is {@code output}'s.
 */
package dev.gwc.sim;
