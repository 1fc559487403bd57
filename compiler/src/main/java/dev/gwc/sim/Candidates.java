package dev.gwc.sim;

import java.util.Comparator;

/** The entries of the routing table and the order in which the specification ranks them. */
final class Candidates {
  private Candidates() {}

  /**
   * One match of one HTTPRoute rule.
   *
   * @param rule the rule
   * @param match the match's index in the rule
   * @param m the match
   */
  record Http(Rule rule, int match, HttpMatch m) {}

  /**
   * One match of one GRPCRoute rule.
   *
   * @param rule the rule
   * @param match the match's index in the rule
   * @param m the match
   */
  record Grpc(Rule rule, int match, GrpcMatch m) {}

  /**
   * Oldest route first (a route without creationTimestamp counts as newest: Git has none), then
   * {@code namespace/name} alphabetically.
   */
  static final Comparator<RouteId> ROUTES =
      Comparator.comparing(RouteId::created, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(RouteId::display);

  /**
   * HTTPRoute match precedence: Exact path, then RegularExpression (implementation-specific in the
   * API; gwc ranks longer patterns first), then the longest PathPrefix; then a method match, more
   * header matches, more query parameter matches; then the route order; then rule and match order.
   */
  static final Comparator<Http> HTTP =
      Comparator.comparingInt((Http c) -> c.m().path().type().rank)
          .thenComparingInt(c -> -c.m().path().length())
          .thenComparingInt(c -> c.m().method() == null ? 1 : 0)
          .thenComparingInt(c -> -c.m().headers().size())
          .thenComparingInt(c -> -c.m().query().size())
          .thenComparing(c -> c.rule().route(), ROUTES)
          .thenComparingInt(c -> c.rule().index())
          .thenComparingInt(Http::match);

  /**
   * GRPCRoute match precedence: more characters in the service, then in the method, then more
   * header matches; then the route order; then rule and match order.
   */
  static final Comparator<Grpc> GRPC =
      Comparator.comparingInt((Grpc c) -> -length(c.m().service()))
          .thenComparingInt(c -> -length(c.m().method()))
          .thenComparingInt(c -> -c.m().headers().size())
          .thenComparing(c -> c.rule().route(), ROUTES)
          .thenComparingInt(c -> c.rule().index())
          .thenComparingInt(Grpc::match);

  /** Layer 4 routes (TLS, TCP, UDP): route order, then rule order. */
  static final Comparator<Rule> L4 =
      Comparator.comparing(Rule::route, ROUTES).thenComparingInt(Rule::index);

  private static int length(String s) {
    return s == null ? 0 : s.length();
  }
}
