/**
 * {@code gwc map}: the compiled set as a picture. Consumes a {@link dev.gwc.pipeline.Report} (and,
 * for {@code --request}, one simulated {@link dev.gwc.sim.Result}); produces a {@link MapGraph} —
 * GatewayClasses, Gateways, listeners, ListenerSets, routes, backends and policies, grouped by
 * namespace and coloured by the status gwc computed — laid out by the Eclipse Layout Kernel's
 * layered algorithm ({@link MapLayout}) and written as SVG, one self-contained HTML page, Graphviz
 * DOT or Mermaid.
 */
package dev.gwc.map;
