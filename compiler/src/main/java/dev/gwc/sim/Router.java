package dev.gwc.sim;

import dev.gwc.table.DataPlane;
import dev.gwc.table.DataPlanes;
import dev.gwc.table.GatewayTable;
import dev.gwc.table.HeaderList;
import dev.gwc.table.IngressTable;
import dev.gwc.table.IstioTable;
import dev.gwc.table.Request;
import dev.gwc.table.RouteHostnames;
import dev.gwc.table.RouteName;
import dev.gwc.table.RoutingTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends requests to the data planes of a set: its Gateways (routed as Gateway API, {@link
 * Simulator}) and its ingress classes (routed as ingress-nginx routes Ingresses, {@link
 * IngressRouter}). A request goes to the data plane it names, else to those that serve its port;
 * when several do, to the one whose route names its host most specifically (exact, then wildcard,
 * then a route for any host), never chosen by name. Every result carries its trace.
 */
public final class Router {
  private final DataPlanes planes;
  private final RoutingTable table;
  private final GatewayTable only;
  private final String onlyClass;
  private final long seed;
  private final boolean byHost;
  private final boolean explain;
  private final IstioTable.SelectorTable onlyIstio;

  /**
   * {@link #candidateGateways} by port and host, which is all they depend on: a replay sends many
   * requests to each host, and finding them scans every listener of every Gateway. Bounded, so that
   * a log of endless distinct hosts costs no more than the scan.
   */
  private final Map<HostPort, List<GatewayTable>> candidates = new ConcurrentHashMap<>();

  private static final int MAX_CANDIDATES = 1 << 16;

  private record HostPort(int port, String host) {}

  /**
   * @param planes the set's data planes
   * @param only the one Gateway to send to ({@code --gateway NS/NAME}), or null
   * @param onlyClass the one ingress class to send to ({@code --gateway IngressClass/NAME}), or
   *     null
   * @param seed the seed of weighted choices
   * @param byHost whether Gateways too are chosen by host (else, without Ingresses, the first
   *     Gateway whose listener accepts the request)
   */
  public Router(DataPlanes planes, GatewayTable only, String onlyClass, long seed, boolean byHost) {
    this(planes, only, onlyClass, seed, byHost, true, null);
  }

  private Router(
      DataPlanes planes,
      GatewayTable only,
      String onlyClass,
      long seed,
      boolean byHost,
      boolean explain,
      IstioTable.SelectorTable onlyIstio) {
    this.explain = explain;
    this.onlyIstio = onlyIstio;
    this.planes = planes;
    this.table = planes.gateways();
    this.only = only;
    this.onlyClass = onlyClass;
    this.seed = seed;
    this.byHost = byHost;
  }

  /**
   * The router {@code simulate --gateway REF} sends to: every data plane of the set when REF is
   * null, else the ingress class ({@code IngressClass/NAME}) or the Gateway ({@code ns/name}, or
   * {@code name} in {@code defaultNamespace}) it names; null when the set has no such data plane.
   */
  public static Router named(DataPlanes planes, String ref, String defaultNamespace, long seed) {
    if (ref == null) {
      return new Router(planes, null, null, seed, /* byHost= */ false);
    }
    if (planes.isIstio(ref)) {
      IstioTable.SelectorTable t =
          planes.istio().bySelector(ref.substring(IstioTable.PREFIX.length()));
      return new Router(planes, null, null, seed, /* byHost= */ false, true, t);
    }
    if (planes.isIngressClass(ref)) {
      String name = ref.substring(DataPlanes.CLASS_PREFIX.length());
      return new Router(planes, null, name, seed, /* byHost= */ false);
    }
    GatewayTable gateway = planes.gateway(ref, defaultNamespace);
    return gateway == null ? null : new Router(planes, gateway, null, seed, /* byHost= */ false);
  }

  /**
   * The same router without traces: the same decisions, found through the routing table's indexes
   * instead of explained candidate by candidate (for {@code serve}, which shows no trace).
   */
  public Router withoutTraces() {
    return new Router(planes, only, onlyClass, seed, byHost, false, onlyIstio);
  }

  /** The data planes requests are sent to. */
  public DataPlanes planes() {
    return planes;
  }

  /** One result per Gateway, ingress class and Istio ingress gateway the request goes to. */
  public List<Result> all(Request req) {
    List<Result> out = allUnnoted(req);
    List<String> notes = unclaimedNotes(req);
    if (!notes.isEmpty()) {
      out.replaceAll(r -> r.withNotes(notes));
    }
    return out;
  }

  /**
   * The Ingresses for the request's host that ingress-nginx does not serve (their class is not
   * claimed), when traces are shown.
   */
  private List<String> unclaimedNotes(Request req) {
    return explain && onlyIstio == null && only == null
        ? planes.ingresses().unclaimed(req.host())
        : List.of();
  }

  private List<Result> allUnnoted(Request req) {
    List<Result> out = new ArrayList<>();
    boolean otherPlanes = !planes.ingresses().isEmpty() || !planes.istio().selectors().isEmpty();
    if (onlyClass == null && onlyIstio == null) {
      for (Result r : gatewaysAll(req)) {
        if (r.gateway() != null || !otherPlanes || only != null) {
          out.add(r);
        }
      }
    }
    if (only == null && onlyIstio == null) {
      for (IngressTable.IngressClassTable t : planes.ingresses().classes()) {
        if (onlyClass == null || onlyClass.equals(t.name())) {
          out.add(IngressRouter.route(t, req, seed, true));
        }
      }
    }
    if (only == null && onlyClass == null) {
      for (IstioTable.SelectorTable t : planes.istio().selectors()) {
        if (onlyIstio == null ? t.hasPort(req.port()) : t == onlyIstio) {
          out.add(IstioRouter.route(t, req, seed, true));
        }
      }
    }
    if (out.isEmpty()) {
      out.add(noGateway(req));
    }
    return out;
  }

  /**
   * One result: at the named Gateway ({@code ns/name}) or ingress class ({@code
   * IngressClass/NAME}), else at the Gateway or class whose route names the request's host most
   * specifically (ties to the first by name), else the first whose listener accepts it.
   */
  public Result one(String gateway, Request req) {
    Result r = oneUnnoted(gateway, req);
    List<String> notes = unclaimedNotes(req);
    return notes.isEmpty() ? r : r.withNotes(notes);
  }

  private Result oneUnnoted(String gateway, Request req) {
    if (onlyIstio != null) {
      return IstioRouter.route(onlyIstio, req, seed, explain);
    }
    if (gateway != null && gateway.startsWith(IstioTable.PREFIX)) {
      IstioTable.SelectorTable t =
          planes.istio().bySelector(gateway.substring(IstioTable.PREFIX.length()));
      if (t != null) {
        return IstioRouter.route(t, req, seed, explain);
      }
    }
    if (gateway != null && gateway.startsWith(DataPlanes.CLASS_PREFIX)) {
      IngressTable.IngressClassTable t =
          planes.ingresses().byName(gateway.substring(DataPlanes.CLASS_PREFIX.length()));
      if (t != null) {
        return IngressRouter.route(t, req, seed, explain);
      }
    }
    if (gateway != null || only != null || onlyClass != null) {
      return onlyClass != null ? all(req).get(0) : gatewayOne(gateway, req);
    }
    if (!byHost && planes.ingresses().isEmpty() && planes.istio().selectors().isEmpty()) {
      return gatewayOne(null, req);
    }
    // Rank the Gateways, then the ingress classes that could still win; trace only the one chosen
    // (a lone Gateway candidate is traced at once, so that it is not simulated twice).
    List<GatewayTable> gateways = candidateGateways(req);
    if (gateways.isEmpty() && planes.ingresses().isEmpty()) {
      // Istio's ingress gateways alone: one on the port is routed with its trace at once.
      IstioTable.SelectorTable lone = null;
      int onPort = 0;
      for (IstioTable.SelectorTable t : planes.istio().selectors()) {
        if (t.hasPort(req.port())) {
          lone = t;
          onPort++;
        }
      }
      if (onPort == 1) {
        return IstioRouter.route(lone, req, seed, explain);
      }
    }
    boolean traceNow = explain && gateways.size() == 1;
    Choice choice = new Choice(req);
    for (GatewayTable g : gateways) {
      choice.offer(Simulator.simulate(table, g, req, seed, traceNow));
    }
    List<IngressTable.IngressClassTable> classes = planes.ingresses().classes();
    for (int i = 0; i < classes.size(); i++) { // no iterator per request
      IngressTable.IngressClassTable t = classes.get(i);
      // A class that does not serve the host ranks 2 at best, one that does 4.
      if ((t.serves(req.host()) ? RouteHostnames.EXACT : RouteHostnames.ANY) >= choice.rank) {
        choice.offer(IngressRouter.route(t, req, seed, false));
      }
    }
    for (IstioTable.SelectorTable t : planes.istio().selectors()) {
      if (t.hasPort(req.port())) {
        choice.offer(IstioRouter.route(t, req, seed, false));
      }
    }
    if (choice.best == null) {
      return gatewaysAll(req).get(0);
    }
    if (!explain || (traceNow && choice.best == choice.first)) {
      return choice.best;
    }
    return traced(choice.best, req);
  }

  /** One result per Gateway with a listener on the port (one when none has). */
  private List<Result> gatewaysAll(Request req) {
    List<GatewayTable> gws = new ArrayList<>();
    if (only != null) {
      gws.add(only);
    } else {
      for (GatewayTable g : table.gateways()) {
        if (g.hasPort(req.port())) {
          gws.add(g);
        }
      }
    }
    if (gws.isEmpty()) {
      return List.of(noGateway(req));
    }
    List<Result> out = new ArrayList<>();
    for (GatewayTable g : gws) {
      out.add(Simulator.simulate(table, g, req, seed, explain));
    }
    return out;
  }

  /**
   * At the named Gateway ({@code ns/name}, or null), else at the first Gateway whose listener
   * accepts the request, else as {@link #gatewaysAll} reports the first.
   */
  private Result gatewayOne(String gateway, Request req) {
    if (gateway != null) {
      int slash = gateway.indexOf('/');
      GatewayTable g =
          table.gateway(gateway.substring(0, Math.max(0, slash)), gateway.substring(slash + 1));
      if (g != null) {
        return Simulator.simulate(table, g, req, seed, explain);
      }
    }
    if (only == null) {
      for (GatewayTable g : table.gateways()) {
        if (ListenerChoice.accepts(g, req)) {
          return Simulator.simulate(table, g, req, seed, explain);
        }
      }
    }
    return gatewaysAll(req).get(0);
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
    for (GatewayTable g : table.gateways()) {
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
    DataPlane plane =
        switch (r.plane()) {
          case ISTIO -> planes.istio().ofGateway(r.gateway());
          case INGRESS_NGINX -> planes.ingresses().byName(r.gateway().name());
          case GATEWAY_API -> table.gateway(r.gateway().namespace(), r.gateway().name());
          case NONE -> null;
        };
    return plane == null ? r : route(plane, req);
  }

  /** A request routed, with its trace, by the data plane's own rules. */
  private Result route(DataPlane plane, Request req) {
    if (plane instanceof GatewayTable g) {
      return Simulator.simulate(table, g, req, seed, explain);
    }
    if (plane instanceof IstioTable.SelectorTable t) {
      return IstioRouter.route(t, req, seed, explain);
    }
    return IngressRouter.route((IngressTable.IngressClassTable) plane, req, seed, explain);
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
    if (hit.kind().equals("VirtualService")) {
      List<String> hosts = planes.istio().virtualServiceHosts(hit.namespace(), hit.name());
      return hosts == null ? RouteHostnames.ANY : RouteHostnames.specificity(hosts, req.host());
    }
    if (hit.kind().equals("Ingress")) {
      IngressTable.IngressClassTable t = planes.ingresses().byName(r.gateway().name());
      if (t == null || !t.serves(req.host())) {
        return RouteHostnames.ANY;
      }
      return RouteHostnames.specificity(List.of(t.server(req.host()).host), req.host());
    }
    return planes
        .routeHostnames()
        .specificity(new RouteName(hit.kind(), hit.namespace(), hit.name()), req.host());
  }

  private static Result noGateway(Request req) {
    return new Result(
        Result.Plane.NONE,
        null,
        null,
        null,
        404,
        null,
        List.of(),
        null,
        HeaderList.EMPTY,
        null,
        List.of(),
        List.of("no Gateway in the input has a listener on port " + req.port() + ": 404"));
  }
}
