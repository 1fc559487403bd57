package dev.gwc.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a route's defaulted value into rules, matches, filters and backendRefs. */
final class RouteReader {
  private final Set<String> services;

  /**
   * @param services {@code namespace/name} of every Service in the input
   */
  RouteReader(Set<String> services) {
    this.services = services;
  }

  ParsedRoute read(
      String kind, String namespace, String name, Object value, Map<String, String> invalid) {
    Map<?, ?> meta = V.map(value, "metadata");
    RouteId id = new RouteId(kind, namespace, name, V.str(meta, "creationTimestamp"));
    Map<?, ?> spec = V.map(value, "spec");
    List<String> hostnames = new ArrayList<>();
    for (Object h : V.list(spec, "hostnames")) {
      hostnames.add(String.valueOf(h));
    }
    List<Rule> rules = new ArrayList<>();
    List<List<HttpMatch>> http = new ArrayList<>();
    List<List<GrpcMatch>> grpc = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<?> ruleValues = V.list(spec, "rules");
    for (int r = 0; r < ruleValues.size(); r++) {
      Object rv = ruleValues.get(r);
      String path = "spec.rules[" + r + "]";
      List<BackendRef> backends = new ArrayList<>();
      List<?> refs = V.list(rv, "backendRefs");
      for (int b = 0; b < refs.size(); b++) {
        String bp = path + ".backendRefs[" + b + "]";
        backends.add(backend(refs.get(b), namespace, bp, invalid));
      }
      rules.add(
          new Rule(id, r, filters(V.list(rv, "filters"), namespace, path, invalid), backends));
      List<HttpMatch> hm = new ArrayList<>();
      List<GrpcMatch> gm = new ArrayList<>();
      try {
        if (kind.equals("HTTPRoute")) {
          hm = httpMatches(rv);
        } else if (kind.equals("GRPCRoute")) {
          gm = grpcMatches(rv);
        }
      } catch (IllegalArgumentException e) {
        problems.add(kind + " " + id.display() + " rule " + r + " is left out: " + e.getMessage());
        hm = List.of();
        gm = List.of();
      }
      http.add(List.copyOf(hm));
      grpc.add(List.copyOf(gm));
    }
    return new ParsedRoute(
        id,
        List.copyOf(hostnames),
        List.copyOf(rules),
        List.copyOf(http),
        List.copyOf(grpc),
        List.copyOf(problems));
  }

  private static List<HttpMatch> httpMatches(Object rule) {
    List<HttpMatch> out = new ArrayList<>();
    List<?> matches = V.list(rule, "matches");
    if (matches.isEmpty()) {
      out.add(new HttpMatch(PathMatch.of("PathPrefix", "/"), null, List.of(), List.of()));
    }
    for (Object m : matches) {
      Map<?, ?> p = V.map(m, "path");
      PathMatch path = PathMatch.of(V.str(p, "type", "PathPrefix"), V.str(p, "value", "/"));
      out.add(
          new HttpMatch(
              path,
              V.str(m, "method"),
              valueMatches(V.list(m, "headers")),
              valueMatches(V.list(m, "queryParams"))));
    }
    return out;
  }

  private static List<GrpcMatch> grpcMatches(Object rule) {
    List<GrpcMatch> out = new ArrayList<>();
    List<?> matches = V.list(rule, "matches");
    if (matches.isEmpty()) {
      out.add(new GrpcMatch(null, null, null, null, List.of()));
    }
    for (Object m : matches) {
      Map<?, ?> method = V.map(m, "method");
      boolean regex = "RegularExpression".equals(V.str(method, "type"));
      String svc = V.str(method, "service");
      String mth = V.str(method, "method");
      out.add(
          new GrpcMatch(
              svc,
              mth,
              regex && svc != null ? Regexes.compile(svc) : null,
              regex && mth != null ? Regexes.compile(mth) : null,
              valueMatches(V.list(m, "headers"))));
    }
    return out;
  }

  private static List<ValueMatch> valueMatches(List<?> values) {
    List<ValueMatch> out = new ArrayList<>();
    for (Object v : values) {
      out.add(
          ValueMatch.of(V.str(v, "type", "Exact"), V.str(v, "name", ""), V.str(v, "value", "")));
    }
    return out;
  }

  private BackendRef backend(
      Object ref, String routeNamespace, String path, Map<String, String> invalid) {
    String group = V.str(ref, "group", "");
    String kind = V.str(ref, "kind", "Service");
    String ns = V.str(ref, "namespace", routeNamespace);
    String name = V.str(ref, "name", "");
    Integer weight = V.integer(ref, "weight");
    boolean service = group.isEmpty() && kind.equals("Service");
    String why = invalid.get(path);
    return new BackendRef(
        group,
        kind,
        ns,
        name,
        V.integer(ref, "port"),
        weight == null ? 1 : weight,
        filters(V.list(ref, "filters"), routeNamespace, path, invalid),
        why,
        why == null && service && !services.contains(ns + "/" + name));
  }

  private List<Filter> filters(
      List<?> values, String namespace, String owner, Map<String, String> invalid) {
    List<Filter> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Object f = values.get(i);
      String type = V.str(f, "type", "");
      switch (type) {
        case "RequestHeaderModifier" ->
            out.add(headerModifier(V.map(f, "requestHeaderModifier"), false));
        case "ResponseHeaderModifier" ->
            out.add(headerModifier(V.map(f, "responseHeaderModifier"), true));
        case "RequestRedirect" -> {
          Map<?, ?> r = V.map(f, "requestRedirect");
          Integer status = V.integer(r, "statusCode");
          out.add(
              new Filter.Redirect(
                  V.str(r, "scheme"),
                  V.str(r, "hostname"),
                  V.integer(r, "port"),
                  pathModifier(V.map(r, "path")),
                  status == null ? 302 : status));
        }
        case "URLRewrite" -> {
          Map<?, ?> r = V.map(f, "urlRewrite");
          out.add(new Filter.Rewrite(V.str(r, "hostname"), pathModifier(V.map(r, "path"))));
        }
        case "RequestMirror" -> {
          Map<?, ?> m = V.map(f, "requestMirror");
          String path = owner + ".filters[" + i + "].requestMirror.backendRef";
          out.add(
              new Filter.Mirror(
                  backend(V.map(m, "backendRef"), namespace, path, invalid), percent(m)));
        }
        case "CORS" -> {
          Map<?, ?> c = V.map(f, "cors");
          out.add(
              new Filter.Cors(
                  strings(c, "allowOrigins"),
                  strings(c, "allowMethods"),
                  strings(c, "allowHeaders"),
                  strings(c, "exposeHeaders"),
                  V.bool(c, "allowCredentials"),
                  V.integer(c, "maxAge")));
        }
        default -> out.add(new Filter.Other(type));
      }
    }
    return out;
  }

  private static double percent(Map<?, ?> mirror) {
    Integer percent = V.integer(mirror, "percent");
    if (percent != null) {
      return percent;
    }
    Map<?, ?> fraction = V.map(mirror, "fraction");
    Integer num = V.integer(fraction, "numerator");
    if (num == null) {
      return 100;
    }
    Integer den = V.integer(fraction, "denominator");
    return 100.0 * num / (den == null || den == 0 ? 100 : den);
  }

  private static Filter.HeaderModifier headerModifier(Map<?, ?> m, boolean response) {
    return new Filter.HeaderModifier(
        response, headers(V.list(m, "set")), headers(V.list(m, "add")), strings(m, "remove"));
  }

  private static List<HeaderList.Header> headers(List<?> values) {
    List<HeaderList.Header> out = new ArrayList<>();
    for (Object v : values) {
      out.add(new HeaderList.Header(V.str(v, "name", ""), V.str(v, "value", "")));
    }
    return out;
  }

  private static Filter.PathModifier pathModifier(Map<?, ?> p) {
    String type = V.str(p, "type");
    if (type == null) {
      return null;
    }
    return new Filter.PathModifier(
        type,
        type.equals("ReplaceFullPath")
            ? V.str(p, "replaceFullPath", "")
            : V.str(p, "replacePrefixMatch", ""));
  }

  private static List<String> strings(Object owner, String key) {
    List<String> out = new ArrayList<>();
    for (Object o : V.list(owner, key)) {
      out.add(String.valueOf(o));
    }
    return out;
  }
}
