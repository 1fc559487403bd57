package dev.gwc.convert;

import dev.gwc.convert.Draft.WeightedBackend;
import dev.gwc.convert.IngressSource.Backend;
import dev.gwc.convert.IngressSource.PathRule;
import dev.gwc.diag.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the paths of one Gateway's Ingresses the way ingress-nginx merges them into servers: per
 * host, the oldest Ingress wins a path defined twice; the first Ingress of a host lends it its
 * defaultBackend for "/"; app-root adds a redirect of "/"; from-to-www-redirect adds the redirect
 * of the host's www/bare counterpart; canary Ingresses add weighted or header-matched backends to
 * the primary's path.
 */
final class DraftPlanner {
  private final GatewayPlan plan;
  private final Provider provider;
  private final Notes notes;
  private final Map<String, Draft> byKey = new LinkedHashMap<>();
  private final Map<String, IngressSource> owner = new LinkedHashMap<>();
  private final Set<String> regexHosts = new HashSet<>();

  DraftPlanner(GatewayPlan plan, Provider provider, Notes notes) {
    this.plan = plan;
    this.provider = provider;
    this.notes = notes;
  }

  /** The drafts of every path of the Gateway, in order. */
  List<Draft> plan() {
    for (IngressSource ing : plan.ingresses()) {
      if (plan.settings(ing).canary() == null && plan.settings(ing).regex()) {
        // ingress-nginx turns every location of a server into a regex location once one of the
        // server's Ingresses asks for regex paths.
        regexHosts.addAll(ing.hosts());
      }
    }
    List<IngressSource> canaries = new ArrayList<>();
    for (IngressSource ing : plan.ingresses()) {
      if (plan.settings(ing).canary() != null) {
        canaries.add(ing);
        continue;
      }
      for (PathRule p : ing.paths()) {
        add(ing, p);
      }
    }
    defaultBackends();
    rootRedirects();
    appRoots();
    wwwRedirects();
    List<Draft> out = new ArrayList<>();
    Map<String, List<Draft>> canaryDrafts = new LinkedHashMap<>();
    for (IngressSource c : canaries) {
      new CanaryMerger(plan, notes).merge(c, byKey, owner, canaryDrafts);
    }
    for (Map.Entry<String, Draft> e : byKey.entrySet()) {
      out.addAll(canaryDrafts.getOrDefault(e.getKey(), List.of()));
      out.add(e.getValue());
    }
    return out;
  }

  private void add(IngressSource ing, PathRule p) {
    boolean exact = p.pathType().equals("Exact");
    String key = p.host() + "|" + (exact ? "=" : "~") + p.path();
    IngressSource first = owner.get(key);
    if (first != null) {
      notes.warn(
          ing.manifest(),
          p.span(),
          "path '"
              + p.path()
              + "' of host '"
              + hostLabel(p.host())
              + "' is also defined by Ingress '"
              + first.id()
              + "', which is older and wins in ingress-nginx; this one is not converted");
      return;
    }
    Draft d = draft(ing, p, key);
    if (d != null) {
      byKey.put(key, d);
      owner.put(key, ing);
    }
  }

  private Draft draft(IngressSource ing, PathRule p, String key) {
    NginxSettings s = plan.settings(ing);
    Map<String, Object> match;
    List<Map<String, Object>> filters;
    if (s.grpc()) {
      Map<String, Object> method = PathTranslator.grpc(p, ing.manifest(), notes);
      if (method == null) {
        return null;
      }
      if (toHttps(ing, p.host()) && !plan.tlsHosts().contains(p.host())) {
        notes.info(
            ing.manifest(),
            p.span(),
            "ingress-nginx redirects plain-HTTP calls of gRPC path '"
                + p.path()
                + "' to HTTPS (force-ssl-redirect); the GRPCRoute on the HTTP listener serves them");
      }
      match = method.isEmpty() ? Map.of() : Maps.of("method", method);
      filters = Filters.headers(s);
    } else {
      PathTranslator.Translated t =
          PathTranslator.http(p, s, regexHosts.contains(p.host()), ing.manifest(), notes);
      if (t == null) {
        return null;
      }
      match = Maps.of("path", t.pathMatch());
      filters = Filters.http(s, t.rewritePath());
    }
    // A redirect answers by itself; an unresolved backend (reported where it is read) leaves the
    // rule without backends, so the path still answers, with 500, as the Ingress would.
    List<WeightedBackend> backends =
        p.backend() == null || (s.redirect() != null && !s.grpc())
            ? List.of()
            : List.of(new WeightedBackend(p.backend().service(), p.backend().port(), null));
    return new Draft(
        ing.namespace(),
        p.host(),
        key,
        match,
        filters,
        backends,
        toHttps(ing, p.host()),
        s.grpc(),
        Set.of(ing.id()),
        p.span());
  }

  /** Whether the HTTP listener redirects this Ingress's requests for the host to HTTPS. */
  private boolean toHttps(IngressSource ing, String host) {
    NginxSettings s = plan.settings(ing);
    if (provider != Provider.INGRESS_NGINX) {
      return false;
    }
    return s.forceSslRedirect()
        || (plan.tlsHosts().contains(host) && !Boolean.FALSE.equals(s.sslRedirect()));
  }

  /**
   * "/" of each host falls to the defaultBackend of the first Ingress that names the host; an
   * Ingress with a defaultBackend and no rules is the catch-all of requests for any other host.
   */
  private void defaultBackends() {
    Map<String, IngressSource> firstForHost = new LinkedHashMap<>();
    IngressSource catchAll = null;
    for (IngressSource ing : plan.ingresses()) {
      if (plan.settings(ing).canary() != null) {
        continue;
      }
      for (String h : ing.hosts()) {
        firstForHost.putIfAbsent(h, ing);
      }
      if (ing.defaultBackend() != null && ing.hosts().isEmpty()) {
        if (catchAll == null) {
          catchAll = ing;
        } else {
          notes.warn(
              ing.manifest(),
              ing.manifest().nameSpan(),
              "defaultBackend is not used: Ingress '"
                  + catchAll.id()
                  + "' is older and already is the catch-all");
        }
      }
    }
    if (catchAll != null) {
      rootRule(catchAll, "");
    }
    firstForHost.forEach(
        (host, ing) -> {
          if (ing.defaultBackend() != null) {
            rootRule(ing, host);
          }
        });
  }

  private void rootRule(IngressSource ing, String host) {
    String key = host + "|~/";
    if (byKey.containsKey(key)) {
      return;
    }
    Backend b = ing.defaultBackend();
    PathRule p = new PathRule(host, "/", "Prefix", b, ing.manifest().nameSpan());
    Draft d = draft(ing, p, key);
    if (d != null) {
      byKey.put(key, d);
      owner.put(key, ing);
    }
  }

  /**
   * ingress-nginx gives the root location of a host the annotations of the first Ingress that names
   * the host: when they redirect, every path no Ingress defines redirects too.
   */
  private void rootRedirects() {
    Map<String, IngressSource> firstForHost = new LinkedHashMap<>();
    for (IngressSource ing : plan.ingresses()) {
      if (plan.settings(ing).canary() == null) {
        for (String h : ing.hosts()) {
          firstForHost.putIfAbsent(h, ing);
        }
      }
    }
    firstForHost.forEach(
        (host, ing) -> {
          NginxSettings s = plan.settings(ing);
          String key = host + "|~/";
          if (s.redirect() == null || s.grpc() || byKey.containsKey(key)) {
            return;
          }
          PathRule p = new PathRule(host, "/", "Prefix", null, ing.manifest().nameSpan());
          Draft d = draft(ing, p, key);
          if (d != null) {
            byKey.put(key, d);
            owner.put(key, ing);
          }
        });
  }

  /** app-root: a request for "/" is redirected (302) to the application's root. */
  private void appRoots() {
    for (IngressSource ing : plan.ingresses()) {
      NginxSettings s = plan.settings(ing);
      if (s.appRoot() == null || s.canary() != null || s.grpc()) {
        continue;
      }
      for (String host : ing.hosts()) {
        String key = host + "|=/";
        if (byKey.containsKey(key)) {
          notes.annotation(
              Severity.WARNING,
              ing.manifest(),
              s.byName().get("app-root"),
              "app-root of host '"
                  + hostLabel(host)
                  + "' not converted: Ingress '"
                  + owner.get(key).id()
                  + "' defines the exact path '/'");
          continue;
        }
        byKey.put(
            key,
            new Draft(
                ing.namespace(),
                host,
                key,
                Maps.of("path", Maps.of("type", "Exact", "value", "/")),
                List.of(Filters.appRoot(s.appRoot())),
                List.of(),
                toHttps(ing, host),
                false,
                Set.of(ing.id()),
                s.byName().get("app-root").span()));
        owner.put(key, ing);
      }
    }
  }

  /**
   * from-to-www-redirect: ingress-nginx answers requests for the counterpart of the host ({@code
   * example.com} of {@code www.example.com}, or the other way round) with 308 to the host, unless
   * an Ingress of the class names the counterpart. The route for the counterpart redirects every
   * path; nginx also drops a trailing "/" of the request URI and writes the port into the location,
   * which RequestRedirect does not do (a note says so).
   */
  private void wwwRedirects() {
    Set<String> hosts = new HashSet<>();
    for (IngressSource ing : plan.ingresses()) {
      hosts.addAll(ing.hosts());
    }
    Set<String> done = new HashSet<>();
    for (IngressSource ing : plan.ingresses()) {
      NginxSettings s = plan.settings(ing);
      if (!s.fromToWww() || s.canary() != null) {
        continue;
      }
      Annotation a = s.byName().get(dev.gwc.nginx.IngressNginx.FROM_TO_WWW_REDIRECT);
      for (String host : ing.hosts()) {
        if (host.isEmpty() || host.startsWith("*.") || !done.add(host)) {
          continue;
        }
        String from = dev.gwc.nginx.IngressNginx.wwwCounterpart(host);
        if (hosts.contains(from)) {
          notes.annotation(
              Severity.INFO,
              ing.manifest(),
              a,
              "from-to-www-redirect of host '"
                  + host
                  + "' has no effect in ingress-nginx (host '"
                  + from
                  + "' has Ingresses of its own); not converted");
          continue;
        }
        String key = from + "|~/";
        byKey.put(
            key,
            new Draft(
                ing.namespace(),
                from,
                key,
                Maps.of("path", Maps.of("type", "PathPrefix", "value", "/")),
                List.of(Filters.toHost(host)),
                List.of(),
                false,
                false,
                Set.of(ing.id()),
                a.span()));
        owner.put(key, ing);
        notes.annotation(
            Severity.INFO,
            ing.manifest(),
            a,
            "from-to-www-redirect: requests for '"
                + from
                + "' are redirected (308) to '"
                + host
                + "' by an HTTPRoute rule; ingress-nginx also drops a trailing '/' from the"
                + " request URI and writes the port into the location, which RequestRedirect"
                + " does not");
      }
    }
  }

  static String hostLabel(String host) {
    return host.isEmpty() ? "(any)" : host;
  }
}
