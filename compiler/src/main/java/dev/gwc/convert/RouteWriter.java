package dev.gwc.convert;

import dev.gwc.convert.Draft.WeightedBackend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the drafts of one Gateway as routes: an HTTPRoute (or GRPCRoute) per namespace and host. A
 * host with HTTPS whose paths redirect to HTTPS gets two HTTPRoutes: one on its HTTPS listener with
 * the paths, and one on the HTTP listener ({@code -http}) with the redirects. Drafts with the same
 * filters and backends share a rule; a route that would exceed Gateway API's limits (16 rules,
 * fewer than 128 matches) is split ({@code -2}, {@code -3}, ...).
 */
final class RouteWriter {
  static final String GROUP = "gateway.networking.k8s.io";
  private static final int MAX_RULES = 16;
  private static final int MAX_MATCHES_PER_RULE = 8;
  private static final int MAX_MATCHES = 120;

  private final GatewayPlan plan;
  private final Set<String> listeners;
  private final long httpsRedirectCode;

  /**
   * Creates a writer.
   *
   * @param plan the Gateway
   * @param listeners the names of the Gateway's listeners
   * @param httpsRedirectCode the status of HTTP to HTTPS redirects
   */
  RouteWriter(GatewayPlan plan, Set<String> listeners, long httpsRedirectCode) {
    this.plan = plan;
    this.listeners = Set.copyOf(listeners);
    this.httpsRedirectCode = httpsRedirectCode;
  }

  /**
   * One route before it becomes a map.
   *
   * @param kind HTTPRoute or GRPCRoute
   * @param namespace its namespace
   * @param name its name
   * @param host its hostname, "" for none
   * @param sections the listeners it attaches to
   * @param drafts its paths
   */
  record RoutePlan(
      String kind,
      String namespace,
      String name,
      String host,
      List<String> sections,
      List<Draft> drafts) {}

  /** The routes of the drafts, grouped by namespace, host and kind. */
  List<RoutePlan> plans(List<Draft> drafts) {
    Map<String, List<Draft>> groups = new LinkedHashMap<>();
    for (Draft d : drafts) {
      groups
          .computeIfAbsent(d.namespace() + "|" + d.host() + "|" + d.grpc(), k -> new ArrayList<>())
          .add(d);
    }
    Set<String> httpHosts = new TreeSet<>();
    drafts.stream()
        .filter(d -> !d.grpc())
        .forEach(d -> httpHosts.add(d.namespace() + "|" + d.host()));
    List<RoutePlan> out = new ArrayList<>();
    for (List<Draft> group : groups.values()) {
      Draft first = group.get(0);
      String https = Names.httpsListener(first.host());
      if (!listeners.contains(https)) {
        https = listeners.contains("https") && first.host().isEmpty() ? "https" : null;
      }
      String name = Names.route(first.host());
      if (first.grpc()) {
        List<String> sections = https != null ? List.of(https) : List.of(Names.HTTP_LISTENER);
        out.add(new RoutePlan("GRPCRoute", first.namespace(), name, first.host(), sections, group));
        if (https != null
            && group.stream().anyMatch(Draft::toHttps)
            && !httpHosts.contains(first.namespace() + "|" + first.host())) {
          out.add(onHttp(first, name + "-http", List.of(rootRedirect(first))));
        }
        continue;
      }
      boolean redirects = group.stream().anyMatch(Draft::toHttps);
      if (!redirects) {
        List<String> sections = new ArrayList<>(List.of(Names.HTTP_LISTENER));
        if (https != null) {
          sections.add(https);
        }
        out.add(new RoutePlan("HTTPRoute", first.namespace(), name, first.host(), sections, group));
        continue;
      }
      List<Draft> onHttp = new ArrayList<>();
      for (Draft d : group) {
        // app-root and permanent/temporal redirects answer before ingress-nginx's HTTPS redirect
        onHttp.add(d.toHttps() && !redirectsItself(d) ? httpsRedirect(d) : d);
      }
      if (!first.host().isEmpty()
          && group.stream().noneMatch(d -> d.key().equals(d.host() + "|~/"))) {
        // ingress-nginx redirects every path of a TLS host (or, with force-ssl-redirect, of any
        // host), also those no Ingress names; the default server's catch-all keeps its defaults
        onHttp.add(rootRedirect(first));
      }
      if (https == null) {
        out.add(onHttp(first, name, onHttp));
      } else {
        out.add(
            new RoutePlan(
                "HTTPRoute", first.namespace(), name, first.host(), List.of(https), group));
        out.add(onHttp(first, name + "-http", onHttp));
      }
    }
    return out;
  }

  /** An HTTPRoute of {@code first}'s namespace and host on the plain-HTTP listener. */
  private static RoutePlan onHttp(Draft first, String name, List<Draft> drafts) {
    return new RoutePlan(
        "HTTPRoute", first.namespace(), name, first.host(), List.of(Names.HTTP_LISTENER), drafts);
  }

  private static boolean redirectsItself(Draft d) {
    return d.filters().stream().anyMatch(f -> "RequestRedirect".equals(f.get("type")));
  }

  /** {@code PathPrefix /} of a host, redirected to HTTPS. */
  private Draft rootRedirect(Draft first) {
    return new Draft(
        first.namespace(),
        first.host(),
        first.host() + "|~/",
        Maps.of("path", Maps.of("type", "PathPrefix", "value", "/")),
        List.of(Filters.toHttps(httpsRedirectCode)),
        List.of(),
        true,
        false,
        first.sources(),
        first.span());
  }

  private Draft httpsRedirect(Draft d) {
    return d.withFilters(List.of(Filters.toHttps(httpsRedirectCode)), List.of());
  }

  /** The route objects of a plan (several when it exceeds the limits). */
  List<Map<String, Object>> write(RoutePlan p, String nameSuffix) {
    List<List<Map<String, Object>>> chunks = chunks(rules(p));
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      String name = p.name() + nameSuffix + (i == 0 ? "" : "-" + (i + 1));
      Set<String> sources = new TreeSet<>();
      p.drafts().forEach(d -> sources.addAll(d.sources()));
      List<Object> parents = new ArrayList<>();
      for (String s : p.sections()) {
        parents.add(Maps.of("namespace", plan.namespace(), "name", plan.name(), "sectionName", s));
      }
      out.add(
          Maps.of(
              "apiVersion",
              GROUP + "/v1",
              "kind",
              p.kind(),
              "metadata",
              Maps.of(
                  "name",
                  name,
                  "namespace",
                  p.namespace(),
                  "annotations",
                  Maps.of(Names.SOURCE_ANNOTATION, String.join(",", sources))),
              "spec",
              Maps.of(
                  "parentRefs",
                  parents,
                  "hostnames",
                  p.host().isEmpty() ? null : List.of(p.host()),
                  "rules",
                  chunks.get(i))));
    }
    return out;
  }

  /** Rules: drafts with equal filters and backends share one, up to the matches a rule may hold. */
  private static List<Map<String, Object>> rules(RoutePlan p) {
    List<Map<String, Object>> rules = new ArrayList<>();
    List<Draft> heads = new ArrayList<>();
    List<List<Map<String, Object>>> matches = new ArrayList<>();
    for (Draft d : p.drafts()) {
      int at = -1;
      for (int i = 0; i < heads.size(); i++) {
        Draft h = heads.get(i);
        if (h.filters().equals(d.filters())
            && h.backends().equals(d.backends())
            && !d.match().isEmpty()
            && !h.match().isEmpty()
            && matches.get(i).size() < MAX_MATCHES_PER_RULE) {
          at = i;
        }
      }
      if (at < 0) {
        heads.add(d);
        matches.add(new ArrayList<>());
        at = heads.size() - 1;
      }
      if (!d.match().isEmpty()) {
        matches.get(at).add(d.match());
      }
    }
    for (int i = 0; i < heads.size(); i++) {
      Draft h = heads.get(i);
      List<Object> refs = new ArrayList<>();
      for (WeightedBackend b : h.backends()) {
        refs.add(
            Maps.of(
                "name",
                b.service(),
                "port",
                b.port(),
                "weight",
                h.backends().size() > 1
                    ? Long.valueOf(Objects.requireNonNullElse(b.weight(), 1))
                    : null));
      }
      rules.add(
          Maps.of(
              "matches",
              matches.get(i).isEmpty() ? null : matches.get(i),
              "filters",
              h.filters().isEmpty() ? null : h.filters(),
              "backendRefs",
              refs.isEmpty() ? null : refs));
    }
    return rules;
  }

  private static List<List<Map<String, Object>>> chunks(List<Map<String, Object>> rules) {
    List<List<Map<String, Object>>> out = new ArrayList<>();
    List<Map<String, Object>> current = new ArrayList<>();
    int matches = 0;
    for (Map<String, Object> r : rules) {
      int n = r.get("matches") instanceof List<?> l ? l.size() : 1;
      if (!current.isEmpty() && (current.size() == MAX_RULES || matches + n > MAX_MATCHES)) {
        out.add(current);
        current = new ArrayList<>();
        matches = 0;
      }
      current.add(r);
      matches += n;
    }
    if (!current.isEmpty() || out.isEmpty()) {
      out.add(current);
    }
    return out;
  }
}
