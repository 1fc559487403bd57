package dev.gwc.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Every data plane of a set: its Gateways (routed as Gateway API) and its ingress classes (routed
 * as ingress-nginx routes Ingresses). A request goes to the Gateways and classes that serve its
 * port, matched by port and host, never by name.
 *
 * @param replay the Gateways
 * @param ingresses the Ingresses, by class
 * @param onlyClass the one ingress class to send to ({@code --gateway IngressClass/NAME}), or null
 */
public record RoutingSet(Replay replay, IngressTable ingresses, String onlyClass) {
  /** What {@code --gateway} names to pick an ingress class. */
  public static final String CLASS_PREFIX = "IngressClass/";

  /** One result per Gateway and ingress class the request goes to. */
  public List<Result> all(Request req) {
    List<Result> out = new ArrayList<>();
    if (onlyClass == null) {
      for (Result r : replay.all(req)) {
        if (r.gateway() != null || ingresses.isEmpty() || replay.only() != null) {
          out.add(r);
        }
      }
    }
    if (replay.only() == null) {
      for (IngressTable.IngressClassTable t : ingresses.classes()) {
        if (onlyClass == null || onlyClass.equals(t.name())) {
          out.add(IngressRouter.route(t, req, replay.seed(), true));
        }
      }
    }
    return out;
  }

  /**
   * One result: at the named Gateway or ingress class, else the first Gateway or class whose
   * routing has a route for the request, else the first whose listener accepts it.
   */
  public Result one(String gateway, Request req) {
    if (gateway != null && gateway.startsWith(CLASS_PREFIX)) {
      IngressTable.IngressClassTable t = ingressClass(gateway.substring(CLASS_PREFIX.length()));
      if (t != null) {
        return IngressRouter.route(t, req, replay.seed(), true);
      }
    }
    Result first = replay.one(gateway, req);
    if (gateway != null || replay.only() != null || first.route() != null) {
      return first;
    }
    Result fallback = first.listener() != null ? first : null;
    for (IngressTable.IngressClassTable t : ingresses.classes()) {
      if (onlyClass != null && !onlyClass.equals(t.name())) {
        continue;
      }
      Result r = IngressRouter.route(t, req, replay.seed(), true);
      if (r.route() != null) {
        return r;
      }
      if (fallback == null && r.listener() != null) {
        fallback = r;
      }
    }
    return fallback != null ? fallback : first;
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
