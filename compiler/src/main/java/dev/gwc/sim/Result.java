package dev.gwc.sim;

import dev.gwc.table.BackendRef;
import dev.gwc.table.GatewayId;
import dev.gwc.table.HeaderList;
import java.util.List;

/**
 * What happened to one request at one Gateway.
 *
 * @param plane the kind of data plane that routed it
 * @param gateway the Gateway ({@code namespace/name} parts), or null when none has the port
 * @param listener the listener that accepted the request, or null
 * @param route the route, rule and match that routed it, or null
 * @param status the status the client gets
 * @param backend the backend chosen for this request, or null
 * @param backends every backendRef of the rule with its share of traffic
 * @param upstream the request as the backend sees it, or null when none receives it
 * @param response the response headers the client sees that filters (or the gateway) set
 * @param location the redirect's Location, or null
 * @param mirrors where the request is mirrored to
 * @param trace why, line by line
 */
public record Result(
    Plane plane,
    GatewayId gateway,
    String listener,
    RouteHit route,
    int status,
    BackendRef backend,
    List<Share> backends,
    Upstream upstream,
    HeaderList response,
    String location,
    List<MirrorHit> mirrors,
    List<String> trace) {

  /** The data plane that routed a request. */
  public enum Plane {
    /** A Gateway API Gateway. */
    GATEWAY_API,
    /** An ingress-nginx class. */
    INGRESS_NGINX,
    /** An Istio ingress gateway. */
    ISTIO,
    /** None: no data plane listens on the request's port. */
    NONE
  }

  public Result {
    backends = List.copyOf(backends);
    mirrors = List.copyOf(mirrors);
    trace = List.copyOf(trace);
  }

  /** The same result with notes ahead of its trace. */
  public Result withNotes(List<String> notes) {
    List<String> t = new java.util.ArrayList<>(notes.size() + trace.size());
    notes.forEach(n -> t.add("note: " + n));
    t.addAll(trace);
    return new Result(
        plane, gateway, listener, route, status, backend, backends, upstream, response, location,
        mirrors, t);
  }

  /**
   * The match that routed the request.
   *
   * @param kind the route's kind
   * @param namespace its namespace
   * @param name its name
   * @param rule the rule's index
   * @param match the match's index in the rule
   */
  public record RouteHit(String kind, String namespace, String name, int rule, int match) {}

  /**
   * A backendRef with its share of the rule's traffic.
   *
   * @param ref the backendRef
   * @param share its weight over the total (0 when the total is 0)
   */
  public record Share(BackendRef ref, double share) {}

  /**
   * The request as the backend receives it.
   *
   * @param method the method
   * @param scheme the scheme
   * @param host the Host header
   * @param path the path with its query
   * @param headers the headers after filters
   */
  public record Upstream(
      String method, String scheme, String host, String path, HeaderList headers) {}

  /**
   * A mirror target.
   *
   * @param ref the mirror's backendRef
   * @param percent the share of requests mirrored
   */
  public record MirrorHit(BackendRef ref, double percent) {}
}
