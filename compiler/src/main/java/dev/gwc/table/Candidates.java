package dev.gwc.table;

import java.util.Comparator;

/** The entries of the routing table and the order in which the specification ranks them. */
public final class Candidates {
  private Candidates() {}

  /** One match of one HTTPRoute rule on one listener. */
  public static final class Http {
    private final RouteRule rule;
    private final int match;
    private final HttpMatch m;

    /** Whether the path alone decides: no method, header or query parameter match. */
    final boolean pathOnly;

    /**
     * @param rule the rule
     * @param match the match's index in the rule
     * @param m the match
     */
    Http(RouteRule rule, int match, HttpMatch m) {
      this.rule = rule;
      this.match = match;
      this.m = m;
      this.pathOnly = m.method() == null && m.headers().isEmpty() && m.query().isEmpty();
    }

    // The trace's words for this match, made the first time a trace needs them.
    private String label;

    /** {@code HTTPRoute ns/name rule 0 match 1 (PathPrefix '/x', method GET): }, for traces. */
    public String label() {
      String l = label;
      if (l == null) {
        l = rule.describe(match) + " (" + m + "): ";
        label = l;
      }
      return l;
    }

    public RouteRule rule() {
      return rule;
    }

    public int match() {
      return match;
    }

    public HttpMatch m() {
      return m;
    }
  }

  /**
   * One match of one GRPCRoute rule.
   *
   * @param rule the rule
   * @param match the match's index in the rule
   * @param m the match
   */
  public record Grpc(RouteRule rule, int match, GrpcMatch m) {}

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
  static final Comparator<RouteRule> L4 =
      Comparator.comparing(RouteRule::route, ROUTES).thenComparingInt(RouteRule::index);

  /** Why {@code first} ranks before {@code other}, both of which match, for the trace. */
  public static String whyFirst(Http first, Http other) {
    PathMatch a = first.m().path();
    PathMatch b = other.m().path();
    if (a.type() != b.type()) {
      return "but " + a.type().apiName + " paths rank before " + b.type().apiName + " paths";
    }
    if (a.length() != b.length()) {
      return "but the longer path ranks first";
    }
    if ((first.m().method() == null) != (other.m().method() == null)) {
      return "but a method match ranks first";
    }
    if (first.m().headers().size() != other.m().headers().size()) {
      return "but more header matches rank first";
    }
    if (first.m().query().size() != other.m().query().size()) {
      return "but more query parameter matches rank first";
    }
    RouteId x = first.rule().route();
    RouteId y = other.rule().route();
    if (!x.equals(y)) {
      if (x.created() != null && !x.created().equals(y.created())) {
        return "but the older route "
            + x.display()
            + " ranks first (creationTimestamp "
            + x.created()
            + ")";
      }
      return "a tie: "
          + x.display()
          + " ranks first by namespace/name (no creationTimestamp decides; a cluster would"
          + " rank the older route first)";
    }
    if (first.rule().index() != other.rule().index()) {
      return "but rule " + first.rule().index() + " comes first in the route";
    }
    return "but match " + first.match() + " comes first in the rule";
  }

  private static int length(String s) {
    return s == null ? 0 : s.length();
  }
}
