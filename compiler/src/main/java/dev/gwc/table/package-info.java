/**
 * Routing tables. Consumes a compiled set (the pipeline's report: what the graph stage attached,
 * the CRD-defaulted route values, the Ingresses and Services) and produces immutable tables, one
 * per data plane: per Gateway its listeners (with its accepted ListenerSets'), per listener its
 * virtual hosts, per host its matches compiled into an index in the specification's precedence
 * order; per ingress class its nginx servers and locations. Also the values a request is matched
 * against ({@link dev.gwc.table.Request}, {@link dev.gwc.table.RequestMatcher}). Nothing on the
 * simulator's side but this package reads the compiled set.
 */
package dev.gwc.table;
