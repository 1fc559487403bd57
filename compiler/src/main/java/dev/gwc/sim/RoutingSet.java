package dev.gwc.sim;

import dev.gwc.table.GatewayTable;
import dev.gwc.table.IngressTable;
import dev.gwc.table.Request;
import dev.gwc.table.RouteHostnames;
import dev.gwc.table.RouteName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every data plane of a set: its Gateways (routed as Gateway API) and its ingress classes (routed
 * as ingress-nginx routes Ingresses). A request goes to the Gateways and classes that serve its
 * port; when several do, to the one whose route names its host most specifically (exact, then
 * wildcard, then a route for any host), never chosen by name.
 */
public final class RoutingSet {
  /** What {@code --gateway} names to pick an ingress class. */
  public static final String CLASS_PREFIX = "IngressClass/";

  private final Replay replay;
  private final IngressTable ingresses;
  private final String onlyClass;
  private final RouteHostnames routeHosts;
  private final boolean byHost;
  private boolean explain = true;

  /**
   * {@link #candidateGateways} by port and host, which is all they depend on: a replay sends many
   * requests to each host, and finding them scans every listener of every Gateway. Bounded, so that
   * a log of endless distinct hosts costs no more than the scan.
   */
  private final Map<HostPort, List<GatewayTable>> candidates = new ConcurrentHashMap<>();

  private static final int MAX_CANDIDATES = 1 << 16;

  private record HostPort(int port, String host) {}

  /**
   * A set's data planes.
   *
   * @param replay the Gateways
   * @param ingresses the Ingresses, by class
   * @param onlyClass the one ingress class to send to ({@code --gateway IngressClass/NAME}), or
   *     null
   * @param routeHosts the hostnames of the set's routes
   * @param byHost whether Gateways too are chosen by host (else, without Ingresses, the first
   *     Gateway whose listener accepts the request, as {@link Replay#one} chooses)
   */
  public RoutingSet(
      Replay replay,
      IngressTable ingresses,
      String onlyClass,
      RouteHostnames routeHosts,
      boolean byHost) {
    this.byHost = byHost;
    this.replay = replay;
    this.ingresses = ingresses;
    this.onlyClass = onlyClass;
    this.routeHosts = routeHosts;
  }

  /**
   * This set without traces in its results (for bulk comparisons, where only outcomes are kept).
   */
  public RoutingSet quiet() {
    explain = false;
    return this;
  }

  /** The Ingresses of the set. */
  public IngressTable ingresses() {
    return ingresses;
  }

  /** One result per Gateway and ingress class the request goes to. */
  public List<Result> all(Request req) {
    List<Result> out = new ArrayList<>();
    if (onlyClass == null) {
      for (Result r : gateways(req)) {
        if (r.gateway() != null || ingresses.isEmpty() || replay.only() != null) {
          out.add(r);
        }
      }
    }
    if (replay.only() == null) {
      for (IngressTable.IngressClassTable t : ingresses.classes()) {
        if (onlyClass == null || onlyClass.equals(t.name())) {
          out.add(IngressRouter.route(t, req, replay.seed(), explain));
        }
      }
    }
    return out;
  }

  /**
   * One result: at the named Gateway or ingress class, else at the Gateway or class whose route
   * names the request's host most specifically (ties to the first by name), else the first whose
   * listener accepts it.
   */
  public Result one(String gateway, Request req) {
    if (gateway != null && gateway.startsWith(CLASS_PREFIX)) {
      IngressTable.IngressClassTable t = ingressClass(gateway.substring(CLASS_PREFIX.length()));
      if (t != null) {
        return IngressRouter.route(t, req, replay.seed(), true);
      }
    }
    if (gateway != null || replay.only() != null || onlyClass != null) {
      return onlyClass != null ? all(req).get(0) : replay.one(gateway, req);
    }
    if (!byHost && ingresses.isEmpty()) {
      return replay.one(null, req);
    }
    // Rank the Gateways, then the ingress classes that could still win; trace only the one chosen
    // (a lone Gateway candidate is traced at once, so that it is not simulated twice).
    List<GatewayTable> gateways = candidateGateways(req);
    boolean traceNow = explain && gateways.size() == 1;
    Choice choice = new Choice(req);
    for (GatewayTable g : gateways) {
      choice.offer(Simulator.simulate(replay.table(), g, req, replay.seed(), traceNow));
    }
    List<IngressTable.IngressClassTable> classes = ingresses.classes();
    for (int i = 0; i < classes.size(); i++) { // no iterator per request
      IngressTable.IngressClassTable t = classes.get(i);
      // A class that does not serve the host ranks 2 at best, one that does 4.
      if ((t.serves(req.host()) ? 4 : 2) >= choice.rank) {
        choice.offer(IngressRouter.route(t, req, replay.seed(), false));
      }
    }
    if (choice.best == null) {
      return replay.all(req).get(0);
    }
    if (!explain || (traceNow && choice.best == choice.first)) {
      return choice.best;
    }
    return traced(choice.best, req);
  }

  /** The best result offered so far, by {@link #rank}; ties go to the first by name. */
  private final class Choice {
    private final Request req;
    Result best;
    Result first;
    int rank = -1;

    Choice(Request req) {
      this.req = req;
    }

    void offer(Result r) {
      if (first == null) {
        first = r;
      }
      int k = rank(r, req);
      if (k > rank
          || (k == rank
              && best.gateway() != null
              && r.gateway() != null
              && r.gateway().name().compareTo(best.gateway().name()) < 0)) {
        best = r;
        rank = k;
      }
    }
  }

  /**
   * The Gateways a request is offered to: those whose listener accepts it, else every Gateway with
   * a listener on its port (none when no Gateway has one and the set has Ingresses).
   */
  private List<GatewayTable> candidateGateways(Request req) {
    HostPort key = new HostPort(req.port(), req.host());
    List<GatewayTable> known = candidates.get(key);
    if (known != null) {
      return known;
    }
    List<GatewayTable> onPort = new ArrayList<>();
    for (GatewayTable g : replay.table().gateways()) {
      if (g.hasPort(req.port())) {
        onPort.add(g);
      }
    }
    List<GatewayTable> accepting =
        onPort.stream().filter(g -> ListenerChoice.accepts(g, req)).toList();
    List<GatewayTable> out = accepting.isEmpty() ? List.copyOf(onPort) : accepting;
    if (candidates.size() < MAX_CANDIDATES) {
      candidates.putIfAbsent(key, out);
    }
    return out;
  }

  /** The chosen result again, with its trace. */
  private Result traced(Result r, Request req) {
    if (r.gateway() == null) {
      return r; // no data plane at all: the result explains itself
    }
    if (r.gateway().namespace() == null) {
      IngressTable.IngressClassTable t = ingressClass(r.gateway().name());
      return t == null ? r : IngressRouter.route(t, req, replay.seed(), true);
    }
    GatewayTable g = replay.table().gateway(r.gateway().namespace(), r.gateway().name());
    return g == null ? r : Simulator.simulate(replay.table(), g, req, replay.seed(), true);
  }

  /**
   * 4 a route for the exact host, 3 for a wildcard, 2 for any host, 1 a listener but no route, 0 no
   * listener.
   */
  private int rank(Result r, Request req) {
    if (r.listener() == null) {
      return 0;
    }
    Result.RouteHit hit = r.route();
    if (hit == null || r.status() == 404) {
      return 1;
    }
    if (hit.kind().equals("Ingress")) {
      IngressTable.IngressClassTable t = ingressClass(r.gateway().name());
      if (t == null || !t.serves(req.host())) {
        return RouteHostnames.ANY;
      }
      return RouteHostnames.specificity(List.of(t.server(req.host()).host), req.host());
    }
    return routeHosts.specificity(
        new RouteName(hit.kind(), hit.namespace(), hit.name()), req.host());
  }

  private List<Result> gateways(Request req) {
    if (explain || replay.only() != null) {
      return replay.all(req);
    }
    List<Result> out = new ArrayList<>();
    for (GatewayTable g : replay.table().gateways()) {
      if (g.hasPort(req.port())) {
        out.add(Simulator.simulate(replay.table(), g, req, replay.seed(), false));
      }
    }
    return out.isEmpty() ? replay.all(req) : out;
  }

  /** An ingress class by name, or null. */
  public IngressTable.IngressClassTable ingressClass(String name) {
    for (IngressTable.IngressClassTable t : ingresses.classes()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    return null;
  }
}
