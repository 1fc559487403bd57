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
  private final Map<String, Set<String>> subsets = new HashMap<>();
  private final List<Diagnostic> out = new ArrayList<>();

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
    if (virtualServices.isEmpty()) {
      return c.out;
    }
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
