package dev.gwc.table;

import java.util.List;

/**
 * A route read for routing: its rules with their matches.
 *
 * @param id the route
 * @param hostnames spec.hostnames
 * @param rules the rules, in order
 * @param httpMatches per rule, its HTTPRoute matches (empty lists for other kinds)
 * @param grpcMatches per rule, its GRPCRoute matches (empty lists for other kinds)
 * @param problems why parts of the route could not be read (e.g. a pattern that is not RE2)
 */
record ParsedRoute(
    RouteId id,
    List<String> hostnames,
    List<RouteRule> rules,
    List<List<HttpMatch>> httpMatches,
    List<List<GrpcMatch>> grpcMatches,
    List<String> problems) {}
