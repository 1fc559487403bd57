package dev.gwc.table;

import dev.gwc.yaml.PlainFields;
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

  /**
   * Reads one route.
   *
   * @param invalid why each backendRef that does not resolve fails, by field path
   * @param droppedRules why each rule a controller drops is invalid, by rule index
   */
  ParsedRoute read(
      String kind,
      String namespace,
      String name,
      Object value,
      Map<String, String> invalid,
      Map<Integer, String> droppedRules) {
    Map<?, ?> meta = PlainFields.map(value, "metadata");
    RouteId id = new RouteId(kind, namespace, name, PlainFields.str(meta, "creationTimestamp"));
    Map<?, ?> spec = PlainFields.map(value, "spec");
    List<String> hostnames = new ArrayList<>();
    for (Object h : PlainFields.list(spec, "hostnames")) {
      hostnames.add(String.valueOf(h));
    }
    List<RouteRule> rules = new ArrayList<>();
    List<List<HttpMatch>> http = new ArrayList<>();
    List<List<GrpcMatch>> grpc = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<?> ruleValues = PlainFields.list(spec, "rules");
    for (int r = 0; r < ruleValues.size(); r++) {
      Object rv = ruleValues.get(r);
      String path = "spec.rules[" + r + "]";
      List<BackendRef> backends = new ArrayList<>();
      List<?> refs = PlainFields.list(rv, "backendRefs");
      for (int b = 0; b < refs.size(); b++) {
        String bp = path + ".backendRefs[" + b + "]";
        backends.add(backend(refs.get(b), namespace, bp, invalid));
      }
      rules.add(
          new RouteRule(
              id, r, filters(PlainFields.list(rv, "filters"), namespace, path, invalid), backends));
      List<HttpMatch> hm = new ArrayList<>();
      List<GrpcMatch> gm = new ArrayList<>();
      try {
        if (droppedRules.containsKey(r)) {
          throw new IllegalArgumentException(droppedRules.get(r) + " (the rule is dropped)");
        } else if (kind.equals("HTTPRoute")) {
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
    List<?> matches = PlainFields.list(rule, "matches");
    if (matches.isEmpty()) {
      out.add(new HttpMatch(PathMatch.of("PathPrefix", "/"), null, List.of(), List.of()));
    }
    for (Object m : matches) {
      Map<?, ?> p = PlainFields.map(m, "path");
      PathMatch path =
          PathMatch.of(PlainFields.str(p, "type", "PathPrefix"), PlainFields.str(p, "value", "/"));
      out.add(
          new HttpMatch(
              path,
              PlainFields.str(m, "method"),
              valueMatches(PlainFields.list(m, "headers")),
              valueMatches(PlainFields.list(m, "queryParams"))));
    }
    return out;
  }

  private static List<GrpcMatch> grpcMatches(Object rule) {
    List<GrpcMatch> out = new ArrayList<>();
    List<?> matches = PlainFields.list(rule, "matches");
    if (matches.isEmpty()) {
      out.add(new GrpcMatch(null, null, null, null, List.of()));
    }
    for (Object m : matches) {
      Map<?, ?> method = PlainFields.map(m, "method");
      boolean regex = "RegularExpression".equals(PlainFields.str(method, "type"));
      String svc = PlainFields.str(method, "service");
      String mth = PlainFields.str(method, "method");
      out.add(
          new GrpcMatch(
              svc,
              mth,
              regex && svc != null ? Regexes.compile(svc) : null,
              regex && mth != null ? Regexes.compile(mth) : null,
              valueMatches(PlainFields.list(m, "headers"))));
    }
    return out;
  }

  private static List<ValueMatch> valueMatches(List<?> values) {
    List<ValueMatch> out = new ArrayList<>();
    for (Object v : values) {
      out.add(
          ValueMatch.of(
              PlainFields.str(v, "type", "Exact"),
              PlainFields.str(v, "name", ""),
              PlainFields.str(v, "value", "")));
    }
    return out;
  }

  private BackendRef backend(
      Object ref, String routeNamespace, String path, Map<String, String> invalid) {
    String group = PlainFields.str(ref, "group", "");
    String kind = PlainFields.str(ref, "kind", "Service");
    String ns = PlainFields.str(ref, "namespace", routeNamespace);
    String name = PlainFields.str(ref, "name", "");
    Integer weight = PlainFields.integer(ref, "weight");
    boolean service = group.isEmpty() && kind.equals("Service");
    String why = invalid.get(path);
    return new BackendRef(
        group,
        kind,
        ns,
        name,
        PlainFields.integer(ref, "port"),
        weight == null ? 1 : weight,
        filters(PlainFields.list(ref, "filters"), routeNamespace, path, invalid),
        why,
        why == null && service && !services.contains(ns + "/" + name));
  }

  private List<Filter> filters(
      List<?> values, String namespace, String owner, Map<String, String> invalid) {
    List<Filter> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Object f = values.get(i);
      String type = PlainFields.str(f, "type", "");
      switch (type) {
        case "RequestHeaderModifier" ->
            out.add(headerModifier(PlainFields.map(f, "requestHeaderModifier"), false));
        case "ResponseHeaderModifier" ->
            out.add(headerModifier(PlainFields.map(f, "responseHeaderModifier"), true));
        case "RequestRedirect" -> {
          Map<?, ?> r = PlainFields.map(f, "requestRedirect");
          Integer status = PlainFields.integer(r, "statusCode");
          out.add(
              new Filter.Redirect(
                  PlainFields.str(r, "scheme"),
                  PlainFields.str(r, "hostname"),
                  PlainFields.integer(r, "port"),
                  pathModifier(PlainFields.map(r, "path")),
                  status == null ? 302 : status));
        }
        case "URLRewrite" -> {
          Map<?, ?> r = PlainFields.map(f, "urlRewrite");
          out.add(
              new Filter.Rewrite(
                  PlainFields.str(r, "hostname"), pathModifier(PlainFields.map(r, "path"))));
        }
        case "RequestMirror" -> {
          Map<?, ?> m = PlainFields.map(f, "requestMirror");
          String path = owner + ".filters[" + i + "].requestMirror.backendRef";
          out.add(
              new Filter.Mirror(
                  backend(PlainFields.map(m, "backendRef"), namespace, path, invalid), percent(m)));
        }
        case "CORS" -> {
          Map<?, ?> c = PlainFields.map(f, "cors");
          out.add(
              new Filter.Cors(
                  strings(c, "allowOrigins"),
                  strings(c, "allowMethods"),
                  strings(c, "allowHeaders"),
                  strings(c, "exposeHeaders"),
                  PlainFields.bool(c, "allowCredentials"),
                  PlainFields.integer(c, "maxAge")));
        }
        default -> out.add(new Filter.Other(type));
      }
    }
    return out;
  }

  private static double percent(Map<?, ?> mirror) {
    Integer percent = PlainFields.integer(mirror, "percent");
    if (percent != null) {
      return percent;
    }
    Map<?, ?> fraction = PlainFields.map(mirror, "fraction");
    Integer num = PlainFields.integer(fraction, "numerator");
    if (num == null) {
      return 100;
    }
    Integer den = PlainFields.integer(fraction, "denominator");
    return 100.0 * num / (den == null || den == 0 ? 100 : den);
  }

  private static Filter.HeaderModifier headerModifier(Map<?, ?> m, boolean response) {
    return new Filter.HeaderModifier(
        response,
        headers(PlainFields.list(m, "set")),
        headers(PlainFields.list(m, "add")),
        strings(m, "remove"));
  }

  private static List<HeaderList.Header> headers(List<?> values) {
    List<HeaderList.Header> out = new ArrayList<>();
    for (Object v : values) {
      out.add(
          new HeaderList.Header(PlainFields.str(v, "name", ""), PlainFields.str(v, "value", "")));
    }
    return out;
  }

  private static Filter.PathModifier pathModifier(Map<?, ?> p) {
    String type = PlainFields.str(p, "type");
    if (type == null) {
      return null;
    }
    return new Filter.PathModifier(
        type,
        type.equals("ReplaceFullPath")
            ? PlainFields.str(p, "replaceFullPath", "")
            : PlainFields.str(p, "replacePrefixMatch", ""));
  }

  private static List<String> strings(Object owner, String key) {
    List<String> out = new ArrayList<>();
    for (Object o : PlainFields.list(owner, key)) {
      out.add(String.valueOf(o));
    }
    return out;
  }
}
