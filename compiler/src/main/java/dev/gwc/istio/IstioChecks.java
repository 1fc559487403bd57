package dev.gwc.istio;

import dev.gwc.diag.Diagnostic;
import dev.gwc.diag.Rule;
import dev.gwc.diag.Severity;
import dev.gwc.resource.Manifest;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import dev.gwc.yaml.YScalar;
import dev.gwc.yaml.YSeq;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a set's Istio objects against each other: VirtualService to Gateway (the Gateway exists,
 * its servers accept the host), destination to Service or ServiceEntry (the host exists, the port
 * is one the Service has), destination subset to DestinationRule, and rules a VirtualService can
 * never reach.
 */
public final class IstioChecks {
  private static final String GROUP = "networking.istio.io";

  private final boolean complete;
  private final Map<String, List<Integer>> servicePorts;
  private final Map<String, List<YMap>> gatewayServers = new HashMap<>();
  private final Map<String, String> gatewayNamespace = new HashMap<>();
  private final Set<String> entryHosts = new HashSet<>();
  private final Set<String> virtualServiceIds = new HashSet<>();
  // "gateway host" -> the VirtualService (ns/name) that serves it first, in name order
  private final Map<String, String> hostOwners = new HashMap<>();
  private final Map<String, Set<String>> subsets = new HashMap<>();
  private final List<Diagnostic> out = new ArrayList<>();
  private final List<Manifest> services = new ArrayList<>();
  private final Set<String> secrets = new HashSet<>();

  private IstioChecks(boolean complete, Map<String, List<Integer>> servicePorts) {
    this.complete = complete;
    this.servicePorts = servicePorts;
  }

  /**
   * The findings about the Istio objects among {@code manifests}.
   *
   * @param servicePorts the ports of each Service of the input, by {@code namespace/name}
   * @param complete whether the input is the whole set (absent objects are errors)
   */
  public static List<Diagnostic> check(
      List<Manifest> manifests, Map<String, List<Integer>> servicePorts, boolean complete) {
    IstioChecks c = new IstioChecks(complete, servicePorts);
    List<Manifest> virtualServices = new ArrayList<>();
    for (Manifest m : manifests) {
      if (m.group().isEmpty() && m.name() != null && m.root() != null) {
        if (m.kind().equals("Service")) {
          c.services.add(m);
        } else if (m.kind().equals("Secret")) {
          c.secrets.add(m.namespace() + "/" + m.name());
        }
      }
      if (!GROUP.equals(m.group()) || m.name() == null || m.root() == null) {
        continue;
      }
      YMap spec = m.root().get("spec") instanceof YMap s ? s : null;
      if (spec == null) {
        continue;
      }
      switch (m.kind()) {
        case "Gateway" -> c.gateway(m, spec);
        case "VirtualService" -> {
          virtualServices.add(m);
          c.virtualServiceIds.add(m.namespace() + "/" + m.name());
        }
        case "ServiceEntry" -> c.entryHosts.addAll(YSeq.strings(spec.get("hosts")));
        case "DestinationRule" -> c.destinationRule(m, spec);
        default -> {}
      }
    }
    c.conflicts(manifests);
    c.workloads(manifests);
    if (virtualServices.isEmpty()) {
      return c.out;
    }
    virtualServices.sort(
        java.util.Comparator.comparing(Manifest::namespace).thenComparing(Manifest::name));
    for (Manifest vs : virtualServices) {
      c.virtualService(vs, (YMap) vs.root().get("spec"));
    }
    return c.out;
  }

  private void gateway(Manifest m, YMap spec) {
    List<YMap> servers = new ArrayList<>();
    if (spec.get("servers") instanceof YSeq seq) {
      for (YNode s : seq.items()) {
        if (s instanceof YMap server) {
          servers.add(server);
        }
      }
    }
    gatewayServers.put(m.namespace() + "/" + m.name(), servers);
    gatewayNamespace.put(m.namespace() + "/" + m.name(), m.namespace());
  }

  /**
   * Servers of two Gateways that select the same workload and claim the same port and host with
   * different protocols or TLS settings: one listener of one proxy cannot be both.
   */
  private void conflicts(List<Manifest> manifests) {
    // selector -> "port host" -> the first claim: its Gateway and its settings
    Map<String, Map<String, String[]>> claims = new HashMap<>();
    List<Manifest> gateways = new ArrayList<>();
    for (Manifest m : manifests) {
      if (GROUP.equals(m.group())
          && m.kind().equals("Gateway")
          && m.name() != null
          && m.root() != null) {
        gateways.add(m);
      }
    }
    gateways.sort(
        java.util.Comparator.comparing(Manifest::namespace).thenComparing(Manifest::name));
    for (Manifest g : gateways) {
      if (!(g.root().get("spec") instanceof YMap spec)
          || !(spec.get("servers") instanceof YSeq servers)) {
        continue;
      }
      String selector =
          spec.get("selector") instanceof YMap sel
              ? new java.util.TreeMap<>(sel.toPlain()).toString()
              : "{}";
      Map<String, String[]> seen = claims.computeIfAbsent(selector, k -> new HashMap<>());
      for (YNode n : servers.items()) {
        if (!(n instanceof YMap server) || !(server.get("port") instanceof YMap port)) {
          continue;
        }
        String number = port.string("number");
        String settings =
            port.string("protocol")
                + (server.get("tls") instanceof YMap tls
                    ? " " + new java.util.TreeMap<>(tls.toPlain())
                    : "");
        for (String host : YSeq.strings(server.get("hosts"))) {
          String name = host.contains("/") ? host.substring(host.indexOf('/') + 1) : host;
          String key = number + " " + name;
          String[] first = seen.get(key);
          String id = g.namespace() + "/" + g.name();
          if (first == null) {
            seen.put(key, new String[] {id, settings});
          } else if (!first[0].equals(id) && !first[1].equals(settings)) {
            report(
                IstioRules.GATEWAY_CONFLICT,
                Severity.ERROR,
                g,
                server,
                "port "
                    + number
                    + " host '"
                    + name
                    + "' is also a server of Gateway "
                    + first[0]
                    + ", on the same gateway workload "
                    + selector
                    + ", with other settings ("
                    + first[1]
                    + " there, "
                    + settings
                    + " here): the workload gets one of them, in no guaranteed order");
          }
        }
      }
    }
  }

  /**
   * What each Gateway asks of its gateway workload: that a Service of the workload (a Service of
   * the input whose selector picks the same pods) exposes each server port, that the Secret of each
   * {@code credentialName} exists where the workload runs (under {@code --complete}), and that no
   * certificate is served by two Gateways of one workload.
   */
  private void workloads(List<Manifest> manifests) {
    List<Manifest> gateways = new ArrayList<>();
    for (Manifest m : manifests) {
      if (GROUP.equals(m.group())
          && m.kind().equals("Gateway")
          && m.name() != null
          && m.root() != null
          && m.root().get("spec") instanceof YMap) {
        gateways.add(m);
      }
    }
    gateways.sort(
        java.util.Comparator.comparing(Manifest::namespace).thenComparing(Manifest::name));
    // selector -> credentialName -> the Gateway that serves it first
    Map<String, Map<String, String>> certificates = new HashMap<>();
    for (Manifest g : gateways) {
      YMap spec = (YMap) g.root().get("spec");
      Map<String, Object> selector =
          spec.get("selector") instanceof YMap sel ? sel.toPlain() : Map.of();
      List<Manifest> workload = workloadServices(selector);
      Set<Long> exposed = new java.util.TreeSet<>();
      for (Manifest svc : workload) {
        exposed.addAll(servicePortNumbers(svc));
      }
      Set<String> namespaces = new java.util.TreeSet<>();
      workload.forEach(svc -> namespaces.add(svc.namespace()));
      if (namespaces.isEmpty()) {
        namespaces.add(g.namespace());
      }
      Map<String, String> served =
          certificates.computeIfAbsent(
              new java.util.TreeMap<>(selector).toString(), k -> new HashMap<>());
      String id = g.namespace() + "/" + g.name();
      if (!(spec.get("servers") instanceof YSeq servers)) {
        continue;
      }
      for (YNode n : servers.items()) {
        if (!(n instanceof YMap server)) {
          continue;
        }
        if (!workload.isEmpty()
            && server.get("port") instanceof YMap port
            && port.get("number") instanceof YScalar num
            && num.value() instanceof Long number
            && !exposed.contains(number)) {
          report(
              IstioRules.GATEWAY_PORT_NOT_EXPOSED,
              Severity.WARNING,
              g,
              num,
              "port "
                  + number
                  + " is not a port of the gateway workload's "
                  + names(workload)
                  + " (ports and target ports: "
                  + exposed
                  + "): traffic to this server cannot reach the gateway");
        }
        if (!(server.get("tls") instanceof YMap tls)
            || !(tls.get("credentialName") instanceof YScalar credential)) {
          continue;
        }
        String secret = credential.text();
        String first = served.putIfAbsent(secret, id);
        if (first != null && !first.equals(id)) {
          report(
              IstioRules.DUPLICATE_CERTIFICATE,
              Severity.WARNING,
              g,
              credential,
              "credentialName '"
                  + secret
                  + "' is also served by Gateway "
                  + first
                  + " on the same gateway workload: HTTP/2 clients reuse one connection for every"
                  + " host of that certificate, and requests for the other Gateway's hosts can get"
                  + " 404");
        }
        if (complete && namespaces.stream().noneMatch(ns -> secrets.contains(ns + "/" + secret))) {
          report(
              IstioRules.CREDENTIAL_NOT_FOUND,
              Severity.ERROR,
              g,
              credential,
              "credentialName '"
                  + secret
                  + "' names no Secret of the input in "
                  + (workload.isEmpty()
                      ? "namespace "
                          + g.namespace()
                          + " (the gateway workload's Service is not in the input; its namespace is assumed to be the Gateway's)"
                      : "the gateway workload's namespace " + String.join(", ", namespaces))
                  + ": the server has no certificate and its TLS handshakes fail");
        }
      }
    }
  }

  /**
   * The Services of the input that select the pods of a Gateway's selector: their selectors agree
   * with it on every label both name, and share at least one.
   */
  private List<Manifest> workloadServices(Map<String, Object> selector) {
    List<Manifest> out = new ArrayList<>();
    if (selector.isEmpty()) {
      return out;
    }
    for (Manifest svc : services) {
      if (!(svc.root().get("spec") instanceof YMap spec)
          || !(spec.get("selector") instanceof YMap sel)) {
        continue;
      }
      Map<String, Object> labels = sel.toPlain();
      boolean shared = false;
      boolean agree = true;
      for (Map.Entry<String, Object> e : labels.entrySet()) {
        if (selector.containsKey(e.getKey())) {
          shared = true;
          agree &= String.valueOf(selector.get(e.getKey())).equals(String.valueOf(e.getValue()));
        }
      }
      if (shared && agree) {
        out.add(svc);
      }
    }
    return out;
  }

  /** A Service's port numbers and numeric target ports (a Gateway server may name either). */
  private static Set<Long> servicePortNumbers(Manifest svc) {
    Set<Long> out = new HashSet<>();
    if (svc.root().get("spec") instanceof YMap spec && spec.get("ports") instanceof YSeq ports) {
      for (YNode p : ports.items()) {
        if (p instanceof YMap port) {
          for (String key : new String[] {"port", "targetPort"}) {
            if (port.get(key) instanceof YScalar n && n.value() instanceof Long l) {
              out.add(l);
            }
          }
        }
      }
    }
    return out;
  }

  private static String names(List<Manifest> services) {
    List<String> out = new ArrayList<>();
    services.forEach(s -> out.add("Service " + s.namespace() + "/" + s.name()));
    return String.join(", ", out);
  }

  private void destinationRule(Manifest m, YMap spec) {
    String host = spec.string("host");
    if (host == null) {
      return;
    }
    Set<String> names =
        subsets.computeIfAbsent(IstioHosts.fqdn(host, m.namespace()), h -> new HashSet<>());
    if (spec.get("subsets") instanceof YSeq seq) {
      for (YNode s : seq.items()) {
        if (s instanceof YMap subset && subset.string("name") != null) {
          names.add(subset.string("name"));
        }
      }
    }
  }

  private void virtualService(Manifest m, YMap spec) {
    List<YNode> hosts = spec.get("hosts") instanceof YSeq h ? h.items() : List.of();
    List<List<YMap>> bound = new ArrayList<>();
    List<String> boundNames = new ArrayList<>();
    boolean allFound = true;
    if (spec.get("gateways") instanceof YSeq gateways) {
      for (YNode g : gateways.items()) {
        String name = g instanceof YScalar s ? s.text() : null;
        if (name == null || name.equals("mesh")) {
          continue;
        }
        String id = name.contains("/") ? name : m.namespace() + "/" + name;
        List<YMap> servers = gatewayServers.get(id);
        if (servers == null) {
          allFound = false;
          report(
              IstioRules.GATEWAY_NOT_FOUND,
              complete ? Severity.ERROR : Severity.WARNING,
              m,
              g,
              "gateways names Gateway '"
                  + id
                  + "', which is not in the input"
                  + (complete ? "" : "; its hosts are not checked against it"));
        } else {
          bound.add(servers);
          boundNames.add(id);
        }
      }
    }
    String self = m.namespace() + "/" + m.name();
    for (String gateway : boundNames) {
      for (YNode h : hosts) {
        if (!(h instanceof YScalar host)) {
          continue;
        }
        String first = hostOwners.putIfAbsent(gateway + " " + host.text(), self);
        if (first != null && !first.equals(self)) {
          report(
              IstioRules.HOST_MERGED,
              Severity.WARNING,
              m,
              h,
              "VirtualService "
                  + first
                  + " also serves host '"
                  + host.text()
                  + "' on Gateway "
                  + gateway
                  + ": Istio merges the rules of both in no guaranteed order, so which rule a"
                  + " request meets first can change (gwc simulate takes them in namespace/name"
                  + " order); keep one VirtualService per host, or use delegates");
        }
      }
    }
    if (allFound && !bound.isEmpty()) {
      for (YNode h : hosts) {
        String host = h instanceof YScalar s ? s.text() : null;
        if (host != null && !accepted(bound, boundNames, m.namespace(), host)) {
          report(
              IstioRules.HOST_NOT_ON_GATEWAY,
              Severity.ERROR,
              m,
              h,
              "host '"
                  + host
                  + "' is accepted by no server of "
                  + String.join(", ", boundNames)
                  + " (hosts and namespaces of their servers); requests for it never reach this"
                  + " VirtualService there");
        }
      }
    }
    if (spec.get("http") instanceof YSeq http) {
      Set<Long> ports = new java.util.TreeSet<>();
      for (List<YMap> servers : bound) {
        for (YMap server : servers) {
          if (server.get("port") instanceof YMap p
              && p.get("number") instanceof YScalar n
              && n.value() instanceof Long l) {
            ports.add(l);
          }
        }
      }
      Set<String> gatewayIds = new HashSet<>();
      for (String g : YSeq.strings(spec.get("gateways"))) {
        gatewayIds.add(g.equals("mesh") || g.contains("/") ? g : m.namespace() + "/" + g);
      }
      for (YNode r : http.items()) {
        if (r instanceof YMap rule && rule.get("match") instanceof YSeq blocks) {
          for (YNode b : blocks.items()) {
            if (b instanceof YMap block) {
              String why =
                  neverApplies(
                      block,
                      YSeq.strings(spec.get("hosts")),
                      allFound && !bound.isEmpty() ? ports : null,
                      gatewayIds,
                      m.namespace());
              if (why != null) {
                report(
                    IstioRules.MATCH_NEVER_APPLIES,
                    Severity.WARNING,
                    m,
                    block,
                    "this match block can never apply: " + why);
              }
            }
          }
        }
      }
      YMap matchAll = null;
      for (YNode r : http.items()) {
        if (!(r instanceof YMap rule)) {
          continue;
        }
        if (matchAll != null) {
          report(
              IstioRules.UNREACHABLE_RULE,
              Severity.WARNING,
              m,
              rule,
              "this rule comes after a rule without match (line "
                  + matchAll.span().line()
                  + "), which takes every request first");
        } else if (!(rule.get("match") instanceof YSeq ms) || ms.items().isEmpty()) {
          matchAll = rule;
        }
        String delegate = IstioDelegates.delegateOf(rule.toPlain(), m.namespace());
        if (delegate != null && !virtualServiceIds.contains(delegate)) {
          report(
              IstioRules.DELEGATE_NOT_FOUND,
              complete ? Severity.ERROR : Severity.WARNING,
              m,
              rule.get("delegate"),
              "delegate names VirtualService '"
                  + delegate
                  + "', which is not in the input"
                  + (complete ? "" : "; the rule is simulated as having no effect"));
        }
        destinations(m, rule.get("route"));
        if (rule.get("mirror") instanceof YMap mirror) {
          destination(m, mirror);
        }
      }
    }
    for (String section : new String[] {"tls", "tcp"}) {
      if (spec.get(section) instanceof YSeq rules) {
        for (YNode r : rules.items()) {
          if (r instanceof YMap rule) {
            destinations(m, rule.get("route"));
          }
        }
      }
    }
  }

  /**
   * Why no request that reaches a VirtualService can satisfy a match block, or null: a uri that
   * does not start with '/', an exact authority none of its hosts names, a port none of its
   * Gateways' servers listens on, gateways it is not bound to, or a header both required and
   * excluded with the same condition.
   *
   * @param ports the server ports of its Gateways, or null when not all of them are known
   */
  private static String neverApplies(
      YMap block, List<String> hosts, Set<Long> ports, Set<String> gatewayIds, String namespace) {
    if (block.get("uri") instanceof YMap uri) {
      for (String kind : new String[] {"exact", "prefix"}) {
        String v = uri.string(kind);
        if (v != null && !v.isEmpty() && !v.startsWith("/")) {
          return "uri "
              + kind
              + " '"
              + v
              + "' does not start with '/', and every request path does";
        }
      }
    }
    if (block.get("authority") instanceof YMap authority && authority.string("exact") != null) {
      String host = authority.string("exact");
      String name = host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
      if (!hosts.isEmpty() && hosts.stream().noneMatch(h -> IstioHosts.intersect(h, name))) {
        return "authority '"
            + host
            + "' is none of the VirtualService's hosts "
            + hosts
            + ", so requests for it never reach this VirtualService";
      }
    }
    if (ports != null
        && block.get("port") instanceof YScalar p
        && p.value() instanceof Long port
        && !ports.contains(port)) {
      return "port " + port + " is not a port of its Gateways' servers " + ports;
    }
    List<String> only = YSeq.strings(block.get("gateways"));
    if (!only.isEmpty()) {
      boolean any = false;
      for (String g : only) {
        any |= gatewayIds.contains(g.equals("mesh") || g.contains("/") ? g : namespace + "/" + g);
      }
      if (!any) {
        return "gateways " + only + " are not among the VirtualService's gateways " + gatewayIds;
      }
    }
    if (block.get("headers") instanceof YMap headers
        && block.get("withoutHeaders") instanceof YMap without) {
      Map<String, Object> required = headers.toPlain();
      for (Map.Entry<String, Object> e : without.toPlain().entrySet()) {
        if (e.getValue().equals(required.get(e.getKey()))) {
          return "header '"
              + e.getKey()
              + "' is required by headers and excluded by withoutHeaders with the same condition";
        }
      }
    }
    return null;
  }

  private void destinations(Manifest m, YNode route) {
    if (route instanceof YSeq seq) {
      for (YNode d : seq.items()) {
        if (d instanceof YMap dm && dm.get("destination") instanceof YMap dest) {
          destination(m, dest);
        }
      }
    }
  }

  private void destination(Manifest m, YMap dest) {
    String host = dest.string("host");
    if (host == null) {
      return;
    }
    String fqdn = IstioHosts.fqdn(host, m.namespace());
    YNode hostNode = dest.get("host");
    IstioHosts.Service svc = IstioHosts.service(fqdn);
    if (svc != null) {
      List<Integer> ports = servicePorts.get(svc.id());
      if (ports == null) {
        report(
            IstioRules.DESTINATION_NOT_FOUND,
            complete ? Severity.ERROR : Severity.WARNING,
            m,
            hostNode,
            "destination host '"
                + host
                + "' is Service "
                + svc.namespace()
                + "/"
                + svc.name()
                + ", which is not in the input"
                + (complete ? "" : "; assumed to exist"));
      } else {
        YMap port = dest.get("port") instanceof YMap p ? p : null;
        Long number =
            port != null && port.get("number") instanceof YScalar n && n.value() instanceof Long l
                ? l
                : null;
        if (number == null && ports.size() > 1) {
          report(
              IstioRules.DESTINATION_PORT,
              Severity.ERROR,
              m,
              hostNode,
              "Service "
                  + svc.namespace()
                  + "/"
                  + svc.name()
                  + " has ports "
                  + ports
                  + "; a destination must name one (port.number)");
        } else if (number != null && !ports.contains(number.intValue())) {
          report(
              IstioRules.DESTINATION_PORT,
              Severity.ERROR,
              m,
              port.get("number"),
              "Service "
                  + svc.namespace()
                  + "/"
                  + svc.name()
                  + " has no port "
                  + number
                  + "; its ports: "
                  + ports);
        }
      }
    } else if (!entryHosts.contains(host)) {
      report(
          IstioRules.DESTINATION_NOT_FOUND,
          complete ? Severity.ERROR : Severity.WARNING,
          m,
          hostNode,
          "destination host '"
              + host
              + "' is neither a Service nor a ServiceEntry host of the input"
              + (complete ? "" : "; assumed to exist"));
    }
    String subset = dest.string("subset");
    if (subset != null) {
      Set<String> defined = subsets.get(fqdn);
      if (defined == null) {
        report(
            IstioRules.SUBSET_NOT_DEFINED,
            complete ? Severity.ERROR : Severity.WARNING,
            m,
            dest.get("subset"),
            "subset '"
                + subset
                + "': no DestinationRule of the input is for host "
                + fqdn
                + (complete ? "" : "; assumed to define it"));
      } else if (!defined.contains(subset)) {
        report(
            IstioRules.SUBSET_NOT_DEFINED,
            Severity.ERROR,
            m,
            dest.get("subset"),
            "subset '"
                + subset
                + "' is not defined by the DestinationRule for "
                + fqdn
                + " (its subsets: "
                + String.join(", ", new java.util.TreeSet<>(defined))
                + "); requests to it fail with 503");
      }
    }
  }

  /** Whether a server of the bound Gateways accepts the host for a VirtualService of {@code ns}. */
  private boolean accepted(List<List<YMap>> bound, List<String> names, String ns, String host) {
    for (int i = 0; i < bound.size(); i++) {
      String gatewayNs = gatewayNamespace.get(names.get(i));
      for (YMap server : bound.get(i)) {
        for (String h : YSeq.strings(server.get("hosts"))) {
          int slash = h.indexOf('/');
          String hostNs = slash < 0 ? "*" : h.substring(0, slash);
          String name = slash < 0 ? h : h.substring(slash + 1);
          boolean nsOk =
              hostNs.equals("*")
                  || hostNs.equals(ns)
                  || (hostNs.equals(".") && ns.equals(gatewayNs));
          if (nsOk && IstioHosts.intersect(name, host)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private void report(Rule rule, Severity severity, Manifest m, YNode at, String message) {
    out.add(
        new Diagnostic(
            rule.id(), severity, at == null ? m.nameSpan() : at.span(), message, m.ref(), null));
  }
}
