package dev.gwc.graph;

import dev.gwc.diag.Rule;
import dev.gwc.diag.Severity;
import dev.gwc.graph.Nodes.GatewayNode;
import dev.gwc.graph.Nodes.GroupKind;
import dev.gwc.graph.Nodes.ListenerNode;
import dev.gwc.graph.Nodes.ListenerSetNode;
import dev.gwc.graph.Nodes.NamespacePolicy;
import dev.gwc.resource.Manifest;
import java.util.ArrayList;
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

  /**
   * What owns a list of listeners: a Gateway or a ListenerSet.
   *
   * @param manifest where the listeners are written
   * @param kind Gateway or ListenerSet (the referrer kind ReferenceGrants name)
   * @param namespace its namespace
   * @param listeners its listeners, in order
   * @param caDefault the frontend CA references for every port, or null
   * @param caPerPort the frontend CA references per port
   */
  record Owner(
      Manifest manifest,
      String kind,
      String namespace,
      List<ListenerNode> listeners,
      List<ObjectRef> caDefault,
      Map<Integer, List<ObjectRef>> caPerPort) {
    static Owner of(GatewayNode g) {
      return new Owner(
          g.manifest(), "Gateway", g.namespace(), g.listeners(), g.caDefault(), g.caPerPort());
    }

    /** A ListenerSet; frontend client-certificate validation is its parent Gateway's business. */
    static Owner of(ListenerSetNode s) {
      return new Owner(s.manifest(), "ListenerSet", s.namespace(), s.listeners(), null, Map.of());
    }
  }

  /**
   * The state of each of an owner's listeners.
   *
   * @param o the Gateway or ListenerSet
   * @param earlier listeners that come before the owner's in the Gateway's merged list and so win
   *     any conflict with them (empty for a Gateway's own listeners)
   */
  static Map<ListenerNode, State> states(
      Owner o, List<Owned> earlier, Graph graph, Resolver.Reporter r) {
    Map<ListenerNode, State> out = new java.util.IdentityHashMap<>();
    Map<ListenerNode, Condition> conflicts = conflicts(o, r);
    for (ListenerNode l : o.listeners()) {
      if (!conflicts.containsKey(l)) {
        Condition lost = lostTo(o, l, earlier, r);
        if (lost != null) {
          conflicts.put(l, lost);
        }
      }
    }
    for (ListenerNode l : o.listeners()) {
      List<Condition> conditions = new ArrayList<>();
      boolean protocolOk = CORE_PROTOCOLS.contains(l.protocol()) || l.protocol().contains("/");
      Condition conflict = conflicts.get(l);
      Condition accepted;
      if (!protocolOk) {
        String msg = "protocol '" + l.protocol() + "' is not supported";
        r.report(
            GraphRules.UNSUPPORTED_PROTOCOL,
            Severity.ERROR,
            o.manifest(),
            Resolver.listenerNode(o.manifest(), l),
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
                o.manifest(),
                Resolver.listenerNode(o.manifest(), l),
                l.path() + ".allowedRoutes.kinds",
                msg);
            refs = Condition.no("ResolvedRefs", "InvalidRouteKinds", msg);
          }
        }
      }
      Condition certs = certificates(o, l, graph, r);
      if (refs == null) {
        refs = certs;
      }
      Condition ca = caCertificates(o, l, graph, r);
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
   * The Accepted and Programmed conditions of a Gateway or ListenerSet from its listeners: reason
   * ListenersNotValid when some are not valid (Accepted stays True while at least one is).
   */
  static List<Condition> rollUp(
      List<ListenerNode> listeners, Map<ListenerNode, State> states, String what) {
    List<String> invalid = new ArrayList<>();
    for (ListenerNode l : listeners) {
      boolean programmed =
          states.get(l).conditions().stream()
              .anyMatch(c -> c.type().equals("Programmed") && c.isTrue());
      if (!programmed) {
        invalid.add("'" + l.name() + "'");
      }
    }
    if (invalid.isEmpty()) {
      return List.of(
          Condition.yes("Accepted", "Accepted", "accepted"),
          Condition.yes("Programmed", "Programmed", "programmed"));
    }
    if (invalid.size() == listeners.size()) {
      String msg = "no listener of the " + what + " is valid";
      return List.of(
          Condition.no("Accepted", "ListenersNotValid", msg),
          Condition.no("Programmed", "Invalid", msg));
    }
    String msg =
        (invalid.size() == 1 ? "listener " : "listeners ")
            + String.join(", ", invalid)
            + (invalid.size() == 1 ? " is" : " are")
            + " not valid; the others are programmed";
    return List.of(
        Condition.yes("Accepted", "ListenersNotValid", msg),
        Condition.yes("Programmed", "Programmed", "programmed"));
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

  private static final RefKind CLIENT_CERTIFICATE =
      new RefKind(
          "clientCertificateRef",
          Set.of("Secret"),
          "InvalidClientCertificateRef",
          "InvalidClientCertificateRef",
          GraphRules.INVALID_CLIENT_CERTIFICATE_REF,
          "a client certificate and its key");

  /**
   * The Gateway's own ResolvedRefs condition when it has a backend client certificate ({@code
   * spec.tls.backend.clientCertificateRef}), else null: False with InvalidClientCertificateRef or
   * RefNotPermitted when the reference does not resolve, False with ListenersNotResolved when a
   * listener's references do not, else True. It does not change Accepted or Programmed.
   */
  static Condition gatewayResolvedRefs(
      GatewayNode g, Map<ListenerNode, State> states, Graph graph, Resolver.Reporter r) {
    ObjectRef ref = g.clientCertificateRef();
    if (ref == null) {
      return null;
    }
    Condition client =
        resolveRefs(
            Owner.of(g),
            "Gateway backend TLS",
            List.of(ref),
            CLIENT_CERTIFICATE,
            graph,
            r,
            tlsProblem(graph));
    if (client != null) {
      return client;
    }
    for (ListenerNode l : g.listeners()) {
      for (Condition c : states.get(l).conditions()) {
        if (c.type().equals("ResolvedRefs") && !c.isTrue()) {
          return Condition.no(
              "ResolvedRefs",
              "ListenersNotResolved",
              "listener '" + l.name() + "' has references that do not resolve");
        }
      }
    }
    return Condition.yes("ResolvedRefs", "ResolvedRefs", "all references resolved");
  }

  /** What keeps a Secret of the input from serving as a TLS certificate and key, or null. */
  private static java.util.function.Function<ObjectRef, String> tlsProblem(Graph graph) {
    return c -> graph.secrets().get(Graph.key(c.namespace(), c.name())).tlsProblem();
  }

  /** ResolvedRefs=False for the first certificateRef that does not resolve, or null. */
  private static Condition certificates(Owner g, ListenerNode l, Graph graph, Resolver.Reporter r) {
    if (!("HTTPS".equals(l.protocol())
        || ("TLS".equals(l.protocol()) && !"Passthrough".equals(l.tlsMode())))) {
      return null;
    }
    return resolveRefs(
        g,
        "listener '" + l.name() + "'",
        l.certificateRefs(),
        CERTIFICATE,
        graph,
        r,
        tlsProblem(graph));
  }

  /**
   * ResolvedRefs=False for the first CA certificate reference of the listener's frontend TLS
   * validation (its port's perPort entry, else the default) that does not resolve, or null.
   */
  private static Condition caCertificates(
      Owner g, ListenerNode l, Graph graph, Resolver.Reporter r) {
    if (!"HTTPS".equals(l.protocol())) {
      return null;
    }
    List<ObjectRef> refs =
        g.caPerPort().containsKey(l.port()) ? g.caPerPort().get(l.port()) : g.caDefault();
    return refs == null
        ? null
        : resolveRefs(g, "listener '" + l.name() + "'", refs, CA_CERTIFICATE, graph, r, c -> null);
  }

  /**
   * Checks a listener's TLS references in order: kind, ReferenceGrant for another namespace,
   * existence (assumed without --complete), then the referent's content; the first failure decides.
   */
  static Condition resolveRefs(
      Owner g,
      String where,
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
          && !graph.granted(G, g.kind(), g.namespace(), "", c.kind(), c.namespace(), c.name())) {
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
            problem + " (" + where + ")");
        return Condition.no("ResolvedRefs", reason, problem);
      }
    }
    return null;
  }

  /** Listeners that share a port and cannot be told apart; the first one written keeps the port. */
  private static Map<ListenerNode, Condition> conflicts(Owner g, Resolver.Reporter r) {
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
              Resolver.listenerNode(g.manifest(), b),
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

  /**
   * The OverlappingTLSConfig condition (reason OverlappingHostnames) of each listener that
   * terminates TLS on a port where another such listener's hostname overlaps its own: one is a
   * wildcard covering the other, or one has no hostname. A client may then reuse a connection
   * opened for one listener's host for the other's (HTTP/2 connection coalescing). Listeners with
   * the same hostname are Conflicted instead; overlapping certificates (the reason the
   * specification leaves optional) are not checked.
   *
   * @param listeners accepted listeners of one Gateway's merged list, in its order
   */
  static Map<ListenerNode, Condition> overlappingTls(List<ListenerNode> listeners) {
    Map<ListenerNode, List<ListenerNode>> others = new java.util.LinkedHashMap<>();
    for (ListenerNode a : listeners) {
      for (ListenerNode b : listeners) {
        if (a != b
            && a.port() == b.port()
            && terminatesTls(a)
            && terminatesTls(b)
            && !java.util.Objects.equals(a.hostname(), b.hostname())
            && Hostnames.intersect(a.hostname(), b.hostname())) {
          others.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
        }
      }
    }
    Map<ListenerNode, Condition> out = new java.util.LinkedHashMap<>();
    others.forEach(
        (l, with) -> {
          List<String> names = new ArrayList<>();
          for (ListenerNode o : with) {
            names.add(
                "'" + o.name() + "' (" + (o.hostname() == null ? "any host" : o.hostname()) + ")");
          }
          String msg =
              "the hostname of listener '"
                  + l.name()
                  + "' ("
                  + (l.hostname() == null ? "any host" : l.hostname())
                  + ") overlaps "
                  + (with.size() == 1 ? "listener " : "listeners ")
                  + String.join(", ", names)
                  + " on port "
                  + l.port()
                  + ": a client may send requests for one over a connection it opened for the"
                  + " other (HTTP/2 connection coalescing)";
          out.put(l, Condition.yes("OverlappingTLSConfig", "OverlappingHostnames", msg));
        });
    return out;
  }

  private static boolean terminatesTls(ListenerNode l) {
    return "HTTPS".equals(l.protocol())
        || ("TLS".equals(l.protocol()) && !"Passthrough".equals(l.tlsMode()));
  }

  /**
   * A listener with its owner, as it stands in a Gateway's merged list.
   *
   * @param owner who wrote it
   * @param listener the listener
   */
  record Owned(Owner owner, ListenerNode listener) {}

  /**
   * Conflicted=True when a listener of a ListenerSet cannot be told apart from one that comes
   * earlier in the Gateway's merged list (the Gateway's own, then older sets): the earlier one
   * keeps the port (GEP-1713), or null.
   */
  private static Condition lostTo(
      Owner o, ListenerNode l, List<Owned> earlier, Resolver.Reporter r) {
    for (Owned e : earlier) {
      ListenerNode a = e.listener();
      String reason = a.port() == l.port() ? conflictReason(a, l) : null;
      if (reason != null) {
        String by =
            e.owner().kind().equals("Gateway")
                ? "the parent Gateway's listener '" + a.name() + "'"
                : "listener '"
                    + a.name()
                    + "' of ListenerSet '"
                    + Graph.key(e.owner().namespace(), e.owner().manifest().name())
                    + "', which comes first";
        String msg =
            "listener '"
                + l.name()
                + "' ("
                + l.protocol()
                + " port "
                + l.port()
                + (l.hostname() == null ? "" : " hostname '" + l.hostname() + "'")
                + ") conflicts with "
                + by
                + "; that one keeps the port";
        r.report(
            GraphRules.LISTENER_CONFLICT,
            Severity.ERROR,
            o.manifest(),
            Resolver.listenerNode(o.manifest(), l),
            l.path(),
            msg);
        return Condition.yes("Conflicted", reason, msg);
      }
    }
    return null;
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
      ListenerNode l, String ownerNamespace, String routeNamespace, Graph graph) {
    return admits(
        new NamespacePolicy(l.namespacesFrom(), l.namespaceSelector(), l.selectorExpressions()),
        ownerNamespace,
        routeNamespace,
        graph);
  }

  /** Whether a namespaces field of an object in {@code own} admits namespace {@code other}. */
  static boolean admits(NamespacePolicy p, String own, String other, Graph graph) {
    switch (p.from()) {
      case "All":
        return true;
      case "Same":
        return own.equals(other);
      case "Selector":
        Map<String, String> labels = graph.namespaceLabels(other);
        for (Map.Entry<String, String> e : p.matchLabels().entrySet()) {
          if (!e.getValue().equals(labels.get(e.getKey()))) {
            return false;
          }
        }
        for (Map<String, Object> expr : p.expressions()) {
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
    return describe(
        new NamespacePolicy(l.namespacesFrom(), l.namespaceSelector(), l.selectorExpressions()));
  }

  static String describe(NamespacePolicy p) {
    return switch (p.from()) {
      case "Same" -> "its own namespace only";
      case "Selector" -> "namespaces selected by " + p.matchLabels();
      case "All" -> "all namespaces";
      default -> "no namespace";
    };
  }
}
