package dev.gwc.sim;

import dev.gwc.table.BackendRef;
import dev.gwc.table.Candidates;
import dev.gwc.table.GatewayId;
import dev.gwc.table.GatewayTable;
import dev.gwc.table.ListenerTable;
import dev.gwc.table.PathMatch;
import dev.gwc.table.Request;
import dev.gwc.table.RequestMatcher;
import dev.gwc.table.RouteId;
import dev.gwc.table.RouteRule;
import dev.gwc.table.RoutingTable;
import dev.gwc.table.VirtualHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sends a request through a Gateway's part of the routing table: picks the listener (port, then the
 * most specific hostname), the virtual hosts of the route hostnames from most to least specific,
 * the first match in the specification's precedence order, applies the rule's filters, picks a
 * weighted backendRef and reports the outcome with a trace. A pure function of the table, the
 * request and the seed.
 */
public final class Simulator {
  private Simulator() {}

  /**
   * Simulates one request at one Gateway.
   *
   * @param explain whether to record the trace
   */
  public static Result simulate(
      RoutingTable table, GatewayTable gw, Request req, long seed, boolean explain) {
    Trace trace = explain ? Trace.on() : Trace.off();
    if (explain) {
      table.notes().forEach(n -> trace.add("note: " + n));
    }
    GatewayId id = gw.id();
    ListenerTable l;
    if (req.sni() != null && req.scheme().equals("https")) {
      Misdirected.Check check = Misdirected.check(gw, req, trace);
      if (check.status() != 0) {
        return new Exchange(req, id, check.listener(), trace)
            .answer(null, check.status(), List.of());
      }
      l = check.listener();
    } else {
      l = ListenerChoice.select(gw, req, trace);
    }
    if (l == null) {
      return new Exchange(req, id, null, trace).answer(null, 404, List.of());
    }
    Simulator.Run run = new Simulator.Run(req, id, l, trace, seed);
    if (l.http()) {
      return run.http();
    }
    return run.layer4();
  }

  /** One request's routing state. */
  private static final class Run {
    private final Request req;
    private final GatewayId gateway;
    private final ListenerTable listener;
    private final Trace trace;
    private final long seed;
    private final RequestMatcher matcher;

    Run(Request req, GatewayId gateway, ListenerTable listener, Trace trace, long seed) {
      this.req = req;
      this.gateway = gateway;
      this.listener = listener;
      this.trace = trace;
      this.seed = seed;
      this.matcher = new RequestMatcher(req);
    }

    Result http() {
      boolean grpcFirst =
          String.valueOf(req.headers().joined("content-type")).startsWith("application/grpc");
      for (VirtualHost vh : listener.hostsFor(req.host())) {
        trace.add(() -> "routes for host " + hostLabel(vh.hostname));
        if (grpcFirst) {
          Result r = grpc(vh);
          if (r != null) {
            return r;
          }
        }
        Candidates.Http hit = trace.enabled() ? explain(vh) : vh.findHttp(req.path(), matcher);
        if (hit != null) {
          return decide(hit.rule(), hit.match(), hit.m().path());
        }
        if (!grpcFirst) {
          Result r = grpc(vh);
          if (r != null) {
            return r;
          }
        }
      }
      trace.add(
          () ->
              "no rule attached to listener '"
                  + listener.name
                  + "' matches "
                  + req.method()
                  + " "
                  + req.host()
                  + req.pathAndQuery()
                  + ": 404");
      return new Exchange(req, gateway, listener, trace).answer(null, 404, List.of());
    }

    /**
     * Visits every match whose path fits, to say why each one did or did not win; the first that
     * holds wins, and each later one that holds too says what ranks it lower.
     */
    private Candidates.Http explain(VirtualHost vh) {
      List<Candidates.Http> winner = new ArrayList<>(1);
      vh.findHttp(
          req.path(),
          c -> {
            String why = matcher.mismatch(c.m());
            String label = c.label();
            if (why != null) {
              trace.add(label + why);
            } else if (winner.isEmpty()) {
              winner.add(c);
              trace.add(label + "matches");
            } else {
              trace.add(label + "matches too, " + Candidates.whyFirst(winner.get(0), c));
            }
            return false;
          });
      return winner.isEmpty() ? null : winner.get(0);
    }

    private Result grpc(VirtualHost vh) {
      if (vh.grpc().isEmpty() || !req.method().equals("POST")) {
        return null;
      }
      String[] parts = req.path().split("/", -1);
      if (parts.length != 3 || !parts[0].isEmpty()) {
        trace.add(() -> "GRPCRoutes skipped: path " + req.path() + " is not /service/method");
        return null;
      }
      for (Candidates.Grpc c : vh.grpc()) {
        String why = matcher.mismatch(c.m(), parts[1], parts[2]);
        trace.add(
            () ->
                c.rule().describe(c.match())
                    + " ("
                    + c.m()
                    + "): "
                    + (why == null ? "matches" : why));
        if (why == null) {
          return decide(c.rule(), c.match(), null);
        }
      }
      return null;
    }

    Result layer4() {
      for (VirtualHost vh : listener.hostsFor(req.host())) {
        if (!vh.l4().isEmpty()) {
          RouteRule r = vh.l4().get(0);
          trace.add(
              () ->
                  r.describe(0)
                      + " serves "
                      + (listener.protocol.equals("TLS")
                          ? "server name " + hostLabel(vh.hostname)
                          : "port " + listener.port));
          return decide(r, 0, null);
        }
      }
      trace.add(() -> "no route attached to " + listener + " serves " + req.host() + ": 404");
      return new Exchange(req, gateway, listener, trace).answer(null, 404, List.of());
    }

    /** Applies the rule: filters, then a weighted backendRef and its filters. */
    private Result decide(RouteRule rule, int match, PathMatch matched) {
      RouteId id = rule.route();
      Result.RouteHit hit =
          new Result.RouteHit(id.kind(), id.namespace(), id.name(), rule.index(), match);
      Exchange x = new Exchange(req, gateway, listener, trace);
      x.apply(rule.filters(), matched, "rule");
      if (x.redirected() || x.answeredByGateway()) {
        return x.answer(hit, 200, List.of());
      }
      List<BackendRef> refs = rule.backends();
      List<Result.Share> shares = Shares.of(refs);
      if (refs.isEmpty()) {
        trace.add("the rule has no backendRefs: 500");
        return x.answer(hit, 500, shares);
      }
      int i = refs.size() == 1 ? 0 : WeightedChoice.pick(refs, WeightedChoice.hash(req, seed));
      if (i == 0 && refs.size() == 1 && refs.get(0).weight() <= 0) {
        i = -1;
      }
      if (i < 0) {
        trace.add("the weights of the rule's backendRefs add up to 0: 500");
        return x.answer(hit, 500, shares);
      }
      BackendRef b = refs.get(i);
      trace.add(
          () ->
              "backend "
                  + b.display()
                  + (refs.size() == 1
                      ? ""
                      : " chosen (weight "
                          + b.weight()
                          + " of "
                          + WeightedChoice.total(refs)
                          + ", seed "
                          + seed
                          + ")"));
      if (b.invalid() != null) {
        trace.add(() -> "backendRef does not resolve (" + b.invalid() + "): 500");
        return x.answer(hit, 500, shares);
      }
      if (b.assumed()) {
        trace.add(
            () ->
                "Service '"
                    + b.namespace()
                    + "/"
                    + b.name()
                    + "' is not in the input; assumed to exist");
      }
      x.apply(b.filters(), matched, "backendRef");
      if (x.redirected() || x.answeredByGateway()) {
        return x.answer(hit, 200, shares);
      }
      trace.add("status 200");
      return x.forward(hit, b, shares);
    }
  }

  static String hostLabel(String hostname) {
    return hostname == null ? "(any)" : "'" + hostname.toLowerCase(Locale.ROOT) + "'";
  }
}
