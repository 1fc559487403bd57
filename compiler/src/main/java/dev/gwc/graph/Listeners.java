package dev.gwc.graph;

import dev.gwc.diag.Rule;
import dev.gwc.diag.Severity;
import dev.gwc.graph.Nodes.GatewayNode;
import dev.gwc.graph.Nodes.GroupKind;
import dev.gwc.graph.Nodes.ListenerNode;
import dev.gwc.graph.Nodes.SecretNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Listener-level resolution: supported kinds, certificate references, conflicts, namespaces. */
final class Listeners {
  private Listeners() {}

  private static final String G = GraphBuilder.GATEWAY_GROUP;
  private static final Set<String> CORE_PROTOCOLS = Set.of("HTTP", "HTTPS", "TLS", "TCP", "UDP");

  /**
   * A listener's computed state.
   *
   * @param supportedKinds the route kinds it accepts
   * @param conditions Accepted, Conflicted, ResolvedRefs, Programmed
   * @param accepted whether routes may attach
   */
  record State(List<GroupKind> supportedKinds, List<Condition> conditions, boolean accepted) {}

  /** The route kinds a protocol can carry. */
  static List<GroupKind> protocolKinds(String protocol) {
    return switch (protocol) {
      case "HTTP", "HTTPS" -> List.of(new GroupKind(G, "HTTPRoute"), new GroupKind(G, "GRPCRoute"));
      case "TLS" -> List.of(new GroupKind(G, "TLSRoute"));
      case "TCP" -> List.of(new GroupKind(G, "TCPRoute"));
      case "UDP" -> List.of(new GroupKind(G, "UDPRoute"));
      default -> List.of();
    };
  }

  static Map<ListenerNode, State> states(GatewayNode g, Graph graph, Resolver.Reporter r) {
    Map<ListenerNode, State> out = new java.util.IdentityHashMap<>();
    Map<ListenerNode, Condition> conflicts = conflicts(g, r);
    for (ListenerNode l : g.listeners()) {
      List<Condition> conditions = new ArrayList<>();
      boolean protocolOk = CORE_PROTOCOLS.contains(l.protocol()) || l.protocol().contains("/");
      Condition conflict = conflicts.get(l);
      Condition accepted;
      if (!protocolOk) {
        String msg = "protocol '" + l.protocol() + "' is not supported";
        r.report(
            GraphRules.UNSUPPORTED_PROTOCOL,
            Severity.ERROR,
            g.manifest(),
            Resolver.listenerNode(g, l),
            l.path(),
            msg);
        accepted = Condition.no("Accepted", "UnsupportedProtocol", msg);
      } else if (conflict != null) {
        accepted = Condition.no("Accepted", "PortUnavailable", conflict.message());
      } else {
        accepted = Condition.yes("Accepted", "Accepted", "accepted");
      }
      conditions.add(accepted);
      conditions.add(
          conflict != null ? conflict : Condition.no("Conflicted", "NoConflicts", "no conflicts"));
      List<GroupKind> supported = new ArrayList<>();
      List<GroupKind> protocolKinds = protocolKinds(l.protocol());
      Condition refs = null;
      if (l.allowedKinds().isEmpty()) {
        supported.addAll(protocolKinds);
      } else {
        for (GroupKind k : l.allowedKinds()) {
          if (protocolKinds.contains(k)) {
            supported.add(k);
          } else if (refs == null) {
            String msg =
                "allowedRoutes.kinds names "
                    + k.kind()
                    + " ("
                    + k.group()
                    + "), which a "
                    + l.protocol()
                    + " listener cannot carry";
            r.report(
                GraphRules.INVALID_ROUTE_KINDS,
                Severity.ERROR,
                g.manifest(),
                Resolver.listenerNode(g, l),
                l.path() + ".allowedRoutes.kinds",
                msg);
            refs = Condition.no("ResolvedRefs", "InvalidRouteKinds", msg);
          }
        }
      }
      Condition certs = certificates(g, l, graph, r);
      if (refs == null) {
        refs = certs;
      }
      Condition ca = caCertificates(g, l, graph, r);
      if (ca != null) {
        if (refs == null) {
          refs = ca;
        }
        accepted = Condition.no("Accepted", "NoValidCACertificate", ca.message());
        conditions.set(0, accepted);
      }
      conditions.add(
          refs != null
              ? refs
              : Condition.yes("ResolvedRefs", "ResolvedRefs", "all references resolved"));
      boolean programmed = accepted.isTrue() && refs == null;
      conditions.add(
          programmed
              ? Condition.yes("Programmed", "Programmed", "programmed")
              : Condition.no("Programmed", "Invalid", "the listener is not valid"));
      out.put(l, new State(List.copyOf(supported), List.copyOf(conditions), accepted.isTrue()));
    }
    return out;
  }

  /**
   * What one kind of listener TLS reference must be: the kinds it may name, the reasons when it
   * names another kind or nothing, the rule to report, and what the referent is assumed to hold.
   */
  private record RefKind(
      String field,
      Set<String> kinds,
      String kindReason,
      String missingReason,
      Rule rule,
      String holds) {}

  private static final RefKind CERTIFICATE =
      new RefKind(
          "certificateRef",
          Set.of("Secret"),
          "InvalidCertificateRef",
          "InvalidCertificateRef",
          GraphRules.INVALID_CERTIFICATE_REF,
          "a valid certificate");

  private static final RefKind CA_CERTIFICATE =
      new RefKind(
          "caCertificateRef",
          Set.of("ConfigMap", "Secret"),
          "InvalidCACertificateKind",
          "InvalidCACertificateRef",
          GraphRules.INVALID_CA_CERTIFICATE_REF,
          "a valid CA certificate");

  /** ResolvedRefs=False for the first certificateRef that does not resolve, or null. */
  private static Condition certificates(
      GatewayNode g, ListenerNode l, Graph graph, Resolver.Reporter r) {
    if (!("HTTPS".equals(l.protocol())
        || ("TLS".equals(l.protocol()) && !"Passthrough".equals(l.tlsMode())))) {
      return null;
    }
    return resolveRefs(
        g,
        l,
        l.certificateRefs(),
        CERTIFICATE,
        graph,
        r,
        c -> tlsProblem(graph.secrets().get(Graph.key(c.namespace(), c.name()))));
  }

  /**
   * ResolvedRefs=False for the first CA certificate reference of the listener's frontend TLS
   * validation (its port's perPort entry, else the default) that does not resolve, or null.
   */
  private static Condition caCertificates(
      GatewayNode g, ListenerNode l, Graph graph, Resolver.Reporter r) {
    if (!"HTTPS".equals(l.protocol())) {
      return null;
    }
    List<ObjectRef> refs =
        g.caPerPort().containsKey(l.port()) ? g.caPerPort().get(l.port()) : g.caDefault();
    return refs == null ? null : resolveRefs(g, l, refs, CA_CERTIFICATE, graph, r, c -> null);
  }

  /**
   * Checks a listener's TLS references in order: kind, ReferenceGrant for another namespace,
   * existence (assumed without --complete), then the referent's content; the first failure decides.
   */
  private static Condition resolveRefs(
      GatewayNode g,
      ListenerNode l,
      List<ObjectRef> refs,
      RefKind k,
      Graph graph,
      Resolver.Reporter r,
      java.util.function.Function<ObjectRef, String> contentProblem) {
    for (ObjectRef c : refs) {
      String problem = null;
      String reason = k.missingReason();
      if (!c.group().isEmpty() || !k.kinds().contains(c.kind())) {
        problem =
            k.field()
                + " "
                + c.kind()
                + " ("
                + (c.group().isEmpty() ? "core" : c.group())
                + ") '"
                + c.name()
                + "' is not a "
                + String.join(" or ", new java.util.TreeSet<>(k.kinds()));
        reason = k.kindReason();
      } else if (c.crossNamespace(g.namespace())
          && !graph.granted(G, "Gateway", g.namespace(), "", c.kind(), c.namespace(), c.name())) {
        problem =
            k.field()
                + " to "
                + c.kind()
                + " '"
                + c.display()
                + "' in another namespace needs a ReferenceGrant in '"
                + c.namespace()
                + "'";
        reason = "RefNotPermitted";
      } else if (!graph.objects().contains("/" + c.kind() + "/" + c.namespace() + "/" + c.name())) {
        if (graph.complete()) {
          problem = c.kind() + " '" + c.display() + "' does not exist";
        } else {
          r.report(
              GraphRules.ASSUMED_PRESENT,
              Severity.INFO,
              g.manifest(),
              c.node(),
              c.path(),
              c.kind()
                  + " '"
                  + c.display()
                  + "' is not in the input; assuming it holds "
                  + k.holds());
        }
      } else {
        problem = contentProblem.apply(c);
      }
      if (problem != null) {
        r.report(
            reason.equals("RefNotPermitted") ? GraphRules.REF_NOT_PERMITTED : k.rule(),
            Severity.ERROR,
            g.manifest(),
            c.node(),
            c.path(),
            problem + " (listener '" + l.name() + "')");
        return Condition.no("ResolvedRefs", reason, problem);
      }
    }
    return null;
  }

  /** What keeps a Secret from serving as a TLS certificate, or null. */
  static String tlsProblem(SecretNode s) {
    if (!"kubernetes.io/tls".equals(s.type())) {
      return "Secret '"
          + s.namespace()
          + "/"
          + s.name()
          + "' has type '"
          + s.type()
          + "', not kubernetes.io/tls";
    }
    if (!s.data().containsKey("tls.crt") || !s.data().containsKey("tls.key")) {
      return "Secret '" + s.namespace() + "/" + s.name() + "' lacks tls.crt or tls.key";
    }
    if ("true".equals(s.annotations().get("gwc.dev/suite-generated"))) {
      return null; // a stand-in the test suite generates; its data is a placeholder
    }
    try {
      String crt =
          new String(
              Base64.getMimeDecoder().decode(s.data().get("tls.crt")), StandardCharsets.UTF_8);
      if (!crt.contains("-----BEGIN CERTIFICATE-----")) {
        return "Secret '" + s.namespace() + "/" + s.name() + "' tls.crt is not a PEM certificate";
      }
    } catch (IllegalArgumentException e) {
      return "Secret '" + s.namespace() + "/" + s.name() + "' tls.crt is not base64";
    }
    return null;
  }

  /** Listeners that share a port and cannot be told apart; the first one written keeps the port. */
  private static Map<ListenerNode, Condition> conflicts(GatewayNode g, Resolver.Reporter r) {
    Map<ListenerNode, Condition> out = new java.util.IdentityHashMap<>();
    List<ListenerNode> ls = g.listeners();
    for (int i = 0; i < ls.size(); i++) {
      for (int j = 0; j < i; j++) {
        ListenerNode a = ls.get(j);
        ListenerNode b = ls.get(i);
        if (a.port() != b.port()) {
          continue;
        }
        String reason = conflictReason(a, b);
        if (reason != null) {
          String msg =
              "listener '"
                  + b.name()
                  + "' ("
                  + b.protocol()
                  + " port "
                  + b.port()
                  + (b.hostname() == null ? "" : " hostname '" + b.hostname() + "'")
                  + ") conflicts with listener '"
                  + a.name()
                  + "'";
          r.report(
              GraphRules.LISTENER_CONFLICT,
              Severity.ERROR,
              g.manifest(),
              Resolver.listenerNode(g, b),
              b.path(),
              msg);
          // No winner: every listener of a conflicting pair is conflicted (Gateway API Listeners).
          out.put(b, Condition.yes("Conflicted", reason, msg));
          out.putIfAbsent(
              a,
              Condition.yes(
                  "Conflicted",
                  reason,
                  "listener '"
                      + a.name()
                      + "' conflicts with listener '"
                      + b.name()
                      + "' on port "
                      + a.port()));
        }
      }
    }
    return out;
  }

  /** Transport families: listeners of different families on one port cannot be told apart. */
  private static String family(String protocol) {
    return switch (protocol) {
      case "HTTP" -> "http";
      case "HTTPS", "TLS" -> "tls";
      case "UDP" -> "udp";
      default -> "tcp";
    };
  }

  /** Why two listeners on the same port conflict, or null when they are distinct. */
  static String conflictReason(ListenerNode a, ListenerNode b) {
    String fa = family(a.protocol());
    String fb = family(b.protocol());
    if (fa.equals("udp") != fb.equals("udp")) {
      return null; // UDP and TCP-based listeners use different transports
    }
    if (!fa.equals(fb) || fa.equals("tcp") || fa.equals("udp")) {
      return "ProtocolConflict";
    }
    return java.util.Objects.equals(a.hostname(), b.hostname()) ? "HostnameConflict" : null;
  }

  static boolean namespaceAllowed(
      ListenerNode l, GatewayNode g, String routeNamespace, Graph graph) {
    switch (l.namespacesFrom()) {
      case "All":
        return true;
      case "Same":
        return g.namespace().equals(routeNamespace);
      case "Selector":
        Map<String, String> labels = graph.namespaceLabels(routeNamespace);
        for (Map.Entry<String, String> e : l.namespaceSelector().entrySet()) {
          if (!e.getValue().equals(labels.get(e.getKey()))) {
            return false;
          }
        }
        for (Map<String, Object> expr : l.selectorExpressions()) {
          String key = (String) expr.get("key");
          @SuppressWarnings("unchecked")
          List<String> values = (List<String>) expr.get("values");
          boolean has = labels.containsKey(key);
          boolean ok =
              switch (String.valueOf(expr.get("operator"))) {
                case "In" -> has && values.contains(labels.get(key));
                case "NotIn" -> !has || !values.contains(labels.get(key));
                case "Exists" -> has;
                case "DoesNotExist" -> !has;
                default -> false;
              };
          if (!ok) {
            return false;
          }
        }
        return true;
      default:
        return false; // None
    }
  }

  static String describeNamespaces(ListenerNode l) {
    return switch (l.namespacesFrom()) {
      case "Same" -> "its own namespace only";
      case "Selector" -> "namespaces selected by " + l.namespaceSelector();
      case "All" -> "all namespaces";
      default -> "no namespace";
    };
  }
}
