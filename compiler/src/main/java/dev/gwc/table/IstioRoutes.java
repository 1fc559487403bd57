package dev.gwc.table;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.gwc.istio.IstioDelegates;
import dev.gwc.istio.IstioHosts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Istio's VirtualService {@code http[]} rules as the ingress gateway evaluates them, read from a
 * VirtualService's plain value (facts from the Istio reference for VirtualService: match blocks are
 * alternatives and the conditions inside one block all hold; a rule without match blocks matches
 * every request; string matches are exact, prefix or RE2 regex on the whole value).
 */
public final class IstioRoutes {
  private IstioRoutes() {}

  /**
   * A VirtualService.
   *
   * @param namespace its namespace
   * @param name its name
   * @param hosts its hosts, as written
   * @param gateways the Gateways it binds to, as {@code namespace/name} ({@code mesh} kept as is)
   * @param http its HTTP rules, in order
   * @param tls its TLS rules (by server name, for passthrough servers), in order
   * @param tcp its TCP rules (by port), in order
   */
  public record VirtualService(
      String namespace,
      String name,
      List<String> hosts,
      List<String> gateways,
      List<HttpRule> http,
      List<L4Rule> tls,
      List<L4Rule> tcp) {}

  /**
   * A {@code tls[]} or {@code tcp[]} rule.
   *
   * @param index its index in its list
   * @param matches its match blocks (empty: every connection)
   * @param route its weighted destinations
   */
  public record L4Rule(int index, List<L4Match> matches, List<Destination> route) {}

  /**
   * A match block of a {@code tls[]} or {@code tcp[]} rule.
   *
   * @param sniHosts the server names it takes (tls; empty: any)
   * @param port the port it takes, or null for any
   */
  public record L4Match(List<String> sniHosts, Integer port) {}

  /**
   * One {@code http[]} rule.
   *
   * @param index its index in {@code http[]} (for a delegated rule: of the rule that delegates)
   * @param via {@code ns/name http[j]} when the rule comes from a delegate VirtualService, or null
   * @param matches its match blocks (empty: every request)
   * @param route its weighted destinations
   * @param redirect the redirect, or null
   * @param directResponse the direct response's status, or null
   * @param rewrite the rewrite, or null
   * @param headers the rule's header operations
   * @param notes what the rule does that is reported but not simulated (timeout, retries, ...)
   * @param mirrors mirror destinations with their percentage
   * @param abort the fault injection's abort, or null
   */
  public record HttpRule(
      int index,
      String via,
      List<MatchBlock> matches,
      List<Destination> route,
      Redirect redirect,
      Integer directResponse,
      Rewrite rewrite,
      HeaderOps headers,
      List<String> notes,
      List<Mirror> mirrors,
      Abort abort) {
    /** {@code http[2]}, or {@code http[2] -> ns/name http[0]} for a delegated rule. */
    public String label() {
      return "http[" + index + "]" + (via == null ? "" : " -> " + via);
    }
  }

  /**
   * One match block: every condition that is set must hold.
   *
   * @param uri the path condition
   * @param authority the Host condition
   * @param method the method condition
   * @param scheme the scheme condition
   * @param headers conditions on request headers (lower-case names)
   * @param withoutHeaders headers that must not match
   * @param queryParams conditions on query parameters
   * @param port the port the request must arrive on, or null
   * @param ignoreUriCase whether the uri condition ignores case
   */
  public record MatchBlock(
      StringMatch uri,
      StringMatch authority,
      StringMatch method,
      StringMatch scheme,
      Map<String, StringMatch> headers,
      Map<String, StringMatch> withoutHeaders,
      Map<String, StringMatch> queryParams,
      Integer port,
      boolean ignoreUriCase) {}

  /**
   * An exact, prefix or regex (RE2, whole value) string condition.
   *
   * @param kind {@code exact}, {@code prefix} or {@code regex}
   * @param value what is written
   * @param regex the compiled pattern of a regex condition (null when it does not compile)
   */
  public record StringMatch(String kind, String value, Pattern regex) {
    /** Whether {@code s} meets the condition ({@code s} null: absent, which never does). */
    public boolean test(String s, boolean ignoreCase) {
      if (s == null) {
        return false;
      }
      return switch (kind) {
        case "exact" -> ignoreCase ? s.equalsIgnoreCase(value) : s.equals(value);
        case "prefix" ->
            ignoreCase
                ? s.toLowerCase(Locale.ROOT).startsWith(value.toLowerCase(Locale.ROOT))
                : s.startsWith(value);
        default -> regex != null && regex.matches(s);
      };
    }

    /** {@code exact '/x'}. */
    public String describe() {
      return kind + " '" + value + "'";
    }
  }

  /**
   * A weighted destination.
   *
   * @param host the destination host, as written
   * @param subset the DestinationRule subset, or null
   * @param port the port, or null
   * @param weight the weight
   * @param headers the destination's own header operations
   */
  public record Destination(
      String host, String subset, Integer port, int weight, HeaderOps headers) {}

  /**
   * A redirect.
   *
   * @param uri the new path, or null
   * @param authority the new host, or null
   * @param scheme the new scheme, or null
   * @param port the new port, or null
   * @param derivePort {@code FROM_PROTOCOL_DEFAULT} or {@code FROM_REQUEST_PORT}, or null
   * @param code the status (default 301)
   */
  public record Redirect(
      String uri, String authority, String scheme, Integer port, String derivePort, int code) {}

  /**
   * A rewrite.
   *
   * @param uri the replacement of the matched path prefix (or of the whole path), or null
   * @param regexMatch the pattern of {@code uriRegexRewrite}, or null
   * @param regexRewrite its replacement ({@code \1} for groups), or null
   * @param authority the new Host, or null
   */
  public record Rewrite(String uri, Pattern regexMatch, String regexRewrite, String authority) {}

  /**
   * Header operations on the request and on the response.
   *
   * @param requestSet set on the request
   * @param requestAdd added to the request
   * @param requestRemove removed from the request
   * @param responseSet set on the response
   * @param responseAdd added to the response
   * @param responseRemove removed from the response
   */
  public record HeaderOps(
      Map<String, String> requestSet,
      Map<String, String> requestAdd,
      List<String> requestRemove,
      Map<String, String> responseSet,
      Map<String, String> responseAdd,
      List<String> responseRemove) {
    /** Applies the request operations. */
    public HeaderList request(HeaderList h) {
      return apply(h, requestSet, requestAdd, requestRemove);
    }

    /** Applies the response operations. */
    public HeaderList response(HeaderList h) {
      return apply(h, responseSet, responseAdd, responseRemove);
    }

    private static HeaderList apply(
        HeaderList h, Map<String, String> set, Map<String, String> add, List<String> remove) {
      for (Map.Entry<String, String> e : set.entrySet()) {
        h = h.set(e.getKey(), e.getValue());
      }
      for (Map.Entry<String, String> e : add.entrySet()) {
        h = h.add(e.getKey(), e.getValue());
      }
      for (String r : remove) {
        h = h.remove(r);
      }
      return h;
    }
  }

  /**
   * A mirror.
   *
   * @param destination where requests are copied to
   * @param percent the share of requests copied
   */
  public record Mirror(Destination destination, double percent) {}

  /**
   * A fault injection's abort.
   *
   * @param status the status answered
   * @param percent the share of requests aborted
   */
  public record Abort(int status, double percent) {}

  /**
   * Reads a VirtualService's plain value, its delegating rules replaced by the delegates' rules.
   *
   * @param specs the spec of a VirtualService of the input by {@code ns/name}, or null
   */
  static VirtualService read(
      String namespace, String name, Map<?, ?> root, Function<String, Map<?, ?>> specs) {
    Map<?, ?> spec = map(root.get("spec"));
    List<String> gateways = new ArrayList<>();
    for (Object g : list(spec.get("gateways"))) {
      String s = String.valueOf(g);
      gateways.add(s.equals("mesh") || s.contains("/") ? s : namespace + "/" + s);
    }
    List<HttpRule> http = new ArrayList<>();
    for (IstioDelegates.FlatRule flat :
        IstioDelegates.flatten(namespace, list(spec.get("http")), specs)) {
      http.add(rule(flat));
    }
    return new VirtualService(
        namespace,
        name,
        strings(spec.get("hosts")),
        gateways,
        http,
        l4(spec.get("tls")),
        l4(spec.get("tcp")));
  }

  private static List<L4Rule> l4(Object rules) {
    List<L4Rule> out = new ArrayList<>();
    List<?> list = list(rules);
    for (int i = 0; i < list.size(); i++) {
      Map<?, ?> r = map(list.get(i));
      List<L4Match> matches = new ArrayList<>();
      for (Object m : list(r.get("match"))) {
        Map<?, ?> mm = map(m);
        matches.add(new L4Match(strings(mm.get("sniHosts")), integer(mm.get("port"))));
      }
      List<Destination> route = new ArrayList<>();
      List<?> dests = list(r.get("route"));
      for (Object d : dests) {
        Map<?, ?> dm = map(d);
        route.add(destination(map(dm.get("destination")), dm, dests.size() == 1 ? 100 : 0));
      }
      out.add(new L4Rule(i, matches, route));
    }
    return out;
  }

  private static HttpRule rule(IstioDelegates.FlatRule flat) {
    Map<?, ?> r = flat.rule();
    List<MatchBlock> matches = new ArrayList<>();
    for (Object m : list(r.get("match"))) {
      matches.add(block(map(m)));
    }
    List<Destination> route = new ArrayList<>();
    List<?> dests = list(r.get("route"));
    for (Object d : dests) {
      Map<?, ?> dm = map(d);
      route.add(
          qualified(
              destination(map(dm.get("destination")), dm, dests.size() == 1 ? 100 : 0), flat));
    }
    Redirect redirect = null;
    if (r.get("redirect") instanceof Map<?, ?> rd) {
      redirect =
          new Redirect(
              str(rd.get("uri")),
              str(rd.get("authority")),
              str(rd.get("scheme")),
              integer(rd.get("port")),
              str(rd.get("derivePort")),
              rd.get("redirectCode") instanceof Number n ? n.intValue() : 301);
    }
    Integer direct =
        r.get("directResponse") instanceof Map<?, ?> dr && dr.get("status") instanceof Number n
            ? n.intValue()
            : null;
    Rewrite rewrite = null;
    if (r.get("rewrite") instanceof Map<?, ?> rw) {
      Map<?, ?> rx = map(rw.get("uriRegexRewrite"));
      rewrite =
          new Rewrite(
              str(rw.get("uri")),
              compile(str(rx.get("match"))),
              str(rx.get("rewrite")),
              str(rw.get("authority")));
    }
    List<String> notes = new ArrayList<>();
    if (r.get("timeout") != null) {
      notes.add("timeout " + r.get("timeout") + " (not simulated)");
    }
    if (r.get("retries") instanceof Map<?, ?> rt) {
      notes.add("retries: " + rt.get("attempts") + " attempts (not simulated)");
    }
    if (r.get("corsPolicy") != null) {
      notes.add("corsPolicy (not simulated)");
    }
    Abort abort = null;
    if (r.get("fault") instanceof Map<?, ?> fault) {
      if (fault.get("delay") instanceof Map<?, ?> delay) {
        notes.add("fault delay " + delay.get("fixedDelay") + " (not simulated)");
      }
      if (fault.get("abort") instanceof Map<?, ?> ab && ab.get("httpStatus") instanceof Number s) {
        abort = new Abort(s.intValue(), percent(ab.get("percentage"), 100));
      }
    }
    List<Mirror> mirrors = new ArrayList<>();
    if (r.get("mirror") instanceof Map<?, ?> mirror) {
      mirrors.add(
          new Mirror(
              qualified(destination(mirror, Map.of(), 100), flat),
              percent(r.get("mirrorPercentage"), 100)));
    }
    for (Object m : list(r.get("mirrors"))) {
      Map<?, ?> mm = map(m);
      mirrors.add(
          new Mirror(
              qualified(destination(map(mm.get("destination")), Map.of(), 100), flat),
              percent(mm.get("percentage"), 100)));
    }
    return new HttpRule(
        flat.rootIndex(),
        flat.via(),
        matches,
        route,
        redirect,
        direct,
        rewrite,
        headers(map(r.get("headers"))),
        notes,
        mirrors,
        abort);
  }

  /**
   * A delegated rule's destination with its host completed in the delegate's namespace (short names
   * there name that namespace's Services, not the root's).
   */
  private static Destination qualified(Destination d, IstioDelegates.FlatRule flat) {
    if (flat.via() == null || d.host() == null) {
      return d;
    }
    return new Destination(
        IstioHosts.fqdn(d.host(), flat.namespace()), d.subset(), d.port(), d.weight(), d.headers());
  }

  private static Destination destination(Map<?, ?> d, Map<?, ?> owner, int defaultWeight) {
    Map<?, ?> port = map(d.get("port"));
    return new Destination(
        str(d.get("host")),
        str(d.get("subset")),
        integer(port.get("number")),
        owner.get("weight") instanceof Number w ? w.intValue() : defaultWeight,
        headers(map(owner.get("headers"))));
  }

  private static double percent(Object percentage, double dflt) {
    return map(percentage).get("value") instanceof Number n ? n.doubleValue() : dflt;
  }

  private static MatchBlock block(Map<?, ?> m) {
    return new MatchBlock(
        stringMatch(m.get("uri")),
        stringMatch(m.get("authority")),
        stringMatch(m.get("method")),
        stringMatch(m.get("scheme")),
        stringMatches(m.get("headers")),
        stringMatches(m.get("withoutHeaders")),
        stringMatches(m.get("queryParams")),
        integer(m.get("port")),
        Boolean.TRUE.equals(m.get("ignoreUriCase")));
  }

  private static Map<String, StringMatch> stringMatches(Object o) {
    Map<String, StringMatch> out = new LinkedHashMap<>();
    map(o).forEach((k, v) -> out.put(String.valueOf(k).toLowerCase(Locale.ROOT), stringMatch(v)));
    return out;
  }

  private static StringMatch stringMatch(Object o) {
    Map<?, ?> m = map(o);
    for (String kind : new String[] {"exact", "prefix", "regex"}) {
      if (m.get(kind) != null) {
        String value = String.valueOf(m.get(kind));
        return new StringMatch(kind, value, kind.equals("regex") ? compile(value) : null);
      }
    }
    // An empty condition ({}) matches presence only: any value.
    return o instanceof Map<?, ?> ? new StringMatch("regex", ".*", compile("(?s).*")) : null;
  }

  private static Pattern compile(String regex) {
    if (regex == null) {
      return null;
    }
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      return null;
    }
  }

  private static HeaderOps headers(Map<?, ?> h) {
    Map<?, ?> req = map(h.get("request"));
    Map<?, ?> resp = map(h.get("response"));
    return new HeaderOps(
        stringMap(req.get("set")),
        stringMap(req.get("add")),
        strings(req.get("remove")),
        stringMap(resp.get("set")),
        stringMap(resp.get("add")),
        strings(resp.get("remove")));
  }

  static Map<?, ?> map(Object o) {
    return o instanceof Map<?, ?> m ? m : Map.of();
  }

  static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  static String str(Object o) {
    return o == null ? null : String.valueOf(o);
  }

  static Integer integer(Object o) {
    return o instanceof Number n ? n.intValue() : null;
  }

  static List<String> strings(Object o) {
    List<String> out = new ArrayList<>();
    for (Object x : list(o)) {
      out.add(String.valueOf(x));
    }
    return out;
  }

  private static Map<String, String> stringMap(Object o) {
    Map<String, String> out = new LinkedHashMap<>();
    map(o)
        .forEach((k, v) -> out.put(String.valueOf(k).toLowerCase(Locale.ROOT), String.valueOf(v)));
    return out;
  }
}
