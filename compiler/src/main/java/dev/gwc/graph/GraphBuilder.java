package dev.gwc.graph;

import dev.gwc.concurrent.Parallel;
import dev.gwc.graph.Nodes.BackendTlsPolicyNode;
import dev.gwc.graph.Nodes.GatewayClassNode;
import dev.gwc.graph.Nodes.GatewayNode;
import dev.gwc.graph.Nodes.GrantFrom;
import dev.gwc.graph.Nodes.GrantTo;
import dev.gwc.graph.Nodes.GraphNode;
import dev.gwc.graph.Nodes.GroupKind;
import dev.gwc.graph.Nodes.ListenerNode;
import dev.gwc.graph.Nodes.ListenerSetNode;
import dev.gwc.graph.Nodes.NamespacePolicy;
import dev.gwc.graph.Nodes.ReferenceGrantNode;
import dev.gwc.graph.Nodes.RouteNode;
import dev.gwc.graph.Nodes.SecretNode;
import dev.gwc.graph.Nodes.ServiceNode;
import dev.gwc.resource.Manifest;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graph stage: reads the manifests that validation accepted into a {@link Graph}. It reports
 * nothing itself; what does not resolve is the {@link Resolver}'s business.
 */
public final class GraphBuilder {
  static final String GATEWAY_GROUP = "gateway.networking.k8s.io";
  private static final Set<String> ROUTE_KINDS =
      Set.of("HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute");

  private GraphBuilder() {}

  public static Graph build(List<Manifest> manifests, boolean complete) {
    // Reading nodes out of the trees is independent per manifest: done in parallel, in order.
    GraphNode[] nodes = new GraphNode[manifests.size()];
    Parallel.forEach(nodes.length, i -> nodes[i] = node(manifests.get(i), false));
    return assemble(manifests, Arrays.asList(nodes), complete);
  }

  /**
   * The graph of manifests whose nodes were read already (per file, in parallel, by {@link #node}).
   *
   * @param manifests the manifests (full or slim), in input order
   * @param nodes their nodes, null where the graph has no use for one
   * @param complete whether the input is the whole set
   */
  public static Graph assemble(List<Manifest> manifests, List<GraphNode> nodes, boolean complete) {
    Map<String, GatewayClassNode> classes = new LinkedHashMap<>();
    Map<String, GatewayNode> gateways = new LinkedHashMap<>();
    Map<String, ListenerSetNode> listenerSets = new LinkedHashMap<>();
    List<BackendTlsPolicyNode> policies = new ArrayList<>();
    List<RouteNode> routes = new ArrayList<>();
    List<ReferenceGrantNode> grants = new ArrayList<>();
    Map<String, ServiceNode> services = new LinkedHashMap<>();
    Map<String, SecretNode> secrets = new LinkedHashMap<>();
    Map<String, Map<String, String>> namespaces = new LinkedHashMap<>();
    Set<String> objects = new HashSet<>();
    for (int i = 0; i < manifests.size(); i++) {
      Manifest m = manifests.get(i);
      if (m.name() == null) {
        continue;
      }
      objects.add(
          m.group()
              + "/"
              + m.kind()
              + "/"
              + (m.namespace() == null ? "" : m.namespace())
              + "/"
              + m.name());
      GraphNode node = nodes.get(i);
      if (node instanceof GatewayClassNode c) {
        classes.put(m.name(), c);
      } else if (node instanceof GatewayNode g) {
        gateways.put(Graph.key(m.namespace(), m.name()), g);
      } else if (node instanceof RouteNode r) {
        routes.add(r);
      } else if (node instanceof ListenerSetNode ls) {
        listenerSets.put(Graph.key(m.namespace(), m.name()), ls);
      } else if (node instanceof BackendTlsPolicyNode p) {
        policies.add(p);
      } else if (node instanceof ReferenceGrantNode g) {
        grants.add(g);
      } else if (node instanceof ServiceNode sv) {
        services.put(Graph.key(m.namespace(), m.name()), sv);
      } else if (node instanceof SecretNode sc) {
        secrets.put(Graph.key(m.namespace(), m.name()), sc);
      } else if (node instanceof NamespaceLabels ns) {
        namespaces.put(m.name(), ns.labels());
      }
    }
    return new Graph(
        Map.copyOf(classes),
        Map.copyOf(gateways),
        Map.copyOf(listenerSets),
        List.copyOf(routes),
        List.copyOf(policies),
        List.copyOf(grants),
        Map.copyOf(services),
        Map.copyOf(secrets),
        Map.copyOf(namespaces),
        Set.copyOf(objects),
        complete);
  }

  /** A namespace's labels, as a node. */
  private record NamespaceLabels(Map<String, String> labels) implements GraphNode {}

  /**
   * The graph node of one manifest, or null when the graph has no use for it.
   *
   * @param m the manifest, with its whole tree
   * @param slim whether routes keep only their metadata (validate: nothing prints their rules)
   */
  public static GraphNode node(Manifest m, boolean slim) {
    if (m.name() == null) {
      return null;
    }
    String group = m.group();
    YMap spec = TreeFields.map(m.root(), "spec");
    boolean gatewayApi = group.equals(GATEWAY_GROUP);
    if (gatewayApi && m.kind().equals("GatewayClass")) {
      return new GatewayClassNode(
          m,
          m.name(),
          TreeFields.str(spec, "controllerName"),
          ref(TreeFields.map(spec, "parametersRef"), "", null, null, "spec.parametersRef"));
    } else if (gatewayApi && m.kind().equals("Gateway")) {
      return gateway(m, spec);
    } else if (gatewayApi && ROUTE_KINDS.contains(m.kind())) {
      return route(m, spec, slim ? m.slim() : m);
    } else if (gatewayApi && m.kind().equals("ReferenceGrant")) {
      return grant(m, spec);
    } else if (gatewayApi && m.kind().equals("ListenerSet")) {
      return listenerSet(m, spec);
    } else if (gatewayApi && m.kind().equals("BackendTLSPolicy")) {
      return backendTlsPolicy(m, spec);
    } else if (group.isEmpty() && m.kind().equals("Service")) {
      List<Integer> ports = new ArrayList<>();
      for (YNode p : TreeFields.list(spec, "ports")) {
        Integer port = TreeFields.integer(p, "port");
        if (port != null) {
          ports.add(port);
        }
      }
      return new ServiceNode(m.namespace(), m.name(), ports);
    } else if (group.isEmpty() && m.kind().equals("Secret")) {
      return new SecretNode(
          m.namespace(),
          m.name(),
          SecretTls.problem(
              m.namespace() + "/" + m.name(),
              TreeFields.str(m.root(), "type", "Opaque"),
              secretData(m.root()),
              TreeFields.stringMap(TreeFields.map(m.root(), "metadata"), "annotations")));
    } else if (group.isEmpty() && m.kind().equals("Namespace")) {
      Map<String, String> labels =
          new LinkedHashMap<>(TreeFields.stringMap(TreeFields.map(m.root(), "metadata"), "labels"));
      labels.put(
          "kubernetes.io/metadata.name", m.name()); // set by the API server on every namespace
      return new NamespaceLabels(Map.copyOf(labels));
    }
    return null;
  }

  private static GatewayNode gateway(Manifest m, YMap spec) {
    List<ListenerNode> listeners = listeners(spec, m.namespace());
    YMap infra = TreeFields.map(spec, "infrastructure");
    YMap frontend = TreeFields.map(TreeFields.map(spec, "tls"), "frontend");
    List<ObjectRef> caDefault = null;
    YMap dflt = TreeFields.map(TreeFields.map(frontend, "default"), "validation");
    if (dflt != null) {
      caDefault =
          caRefs(dflt, m.namespace(), "spec.tls.frontend.default.validation.caCertificateRefs");
    }
    Map<Integer, List<ObjectRef>> perPort = new LinkedHashMap<>();
    List<YNode> ports = TreeFields.list(frontend, "perPort");
    for (int i = 0; i < ports.size(); i++) {
      Integer port = TreeFields.integer(ports.get(i), "port");
      YMap validation = TreeFields.map(TreeFields.map(ports.get(i), "tls"), "validation");
      if (port != null && validation != null) {
        perPort.put(
            port,
            caRefs(
                validation,
                m.namespace(),
                "spec.tls.frontend.perPort[" + i + "].tls.validation.caCertificateRefs"));
      }
    }
    return new GatewayNode(
        m,
        m.namespace(),
        m.name(),
        TreeFields.str(spec, "gatewayClassName", ""),
        listeners,
        ref(
            TreeFields.map(infra, "parametersRef"),
            "",
            null,
            m.namespace(),
            "spec.infrastructure.parametersRef"),
        caDefault,
        Map.copyOf(perPort),
        namespacePolicy(
            TreeFields.map(TreeFields.map(spec, "allowedListeners"), "namespaces"), "None"),
        ref(
            TreeFields.map(
                TreeFields.map(TreeFields.map(spec, "tls"), "backend"), "clientCertificateRef"),
            "",
            "Secret",
            m.namespace(),
            "spec.tls.backend.clientCertificateRef"),
        scope(TreeFields.str(spec, "defaultScope")));
  }

  /** A default-Gateway scope (GEP-3793), or null for none: unset, empty or None. */
  private static String scope(String value) {
    return value == null || value.isEmpty() || value.equals("None") ? null : value;
  }

  /** The listeners of a Gateway or ListenerSet spec. */
  private static List<ListenerNode> listeners(YMap spec, String namespace) {
    List<ListenerNode> listeners = new ArrayList<>();
    List<YNode> items = TreeFields.list(spec, "listeners");
    for (int i = 0; i < items.size(); i++) {
      YNode l = items.get(i);
      String path = "spec.listeners[" + i + "]";
      YMap tls = TreeFields.map(l, "tls");
      List<ObjectRef> certs = new ArrayList<>();
      List<YNode> certNodes = TreeFields.list(tls, "certificateRefs");
      for (int c = 0; c < certNodes.size(); c++) {
        addRef(
            certs,
            ref(
                certNodes.get(c),
                "",
                "Secret",
                namespace,
                path + ".tls.certificateRefs[" + c + "]"));
      }
      YMap allowed = TreeFields.map(l, "allowedRoutes");
      NamespacePolicy ns = namespacePolicy(TreeFields.map(allowed, "namespaces"), "Same");
      List<GroupKind> kinds = new ArrayList<>();
      for (YNode k : TreeFields.list(allowed, "kinds")) {
        kinds.add(
            new GroupKind(
                TreeFields.str(k, "group", GATEWAY_GROUP), TreeFields.str(k, "kind", "")));
      }
      Integer port = TreeFields.integer(l, "port");
      listeners.add(
          new ListenerNode(
              i,
              TreeFields.str(l, "name", ""),
              TreeFields.str(l, "protocol", ""),
              port == null ? 0 : port,
              TreeFields.str(l, "hostname"),
              tls == null ? null : TreeFields.str(tls, "mode", "Terminate"),
              certs,
              ns.from(),
              ns.matchLabels(),
              ns.expressions(),
              kinds,
              path));
    }
    return listeners;
  }

  /** A namespaces field ({@code from} and {@code selector}) with the API's default for from. */
  private static NamespacePolicy namespacePolicy(YMap ns, String defaultFrom) {
    YMap selector = TreeFields.map(ns, "selector");
    List<Map<String, Object>> expressions = new ArrayList<>();
    for (YNode e : TreeFields.list(selector, "matchExpressions")) {
      Map<String, Object> expr = new LinkedHashMap<>();
      expr.put("key", TreeFields.str(e, "key"));
      expr.put("operator", TreeFields.str(e, "operator"));
      expr.put("values", TreeFields.strings(e, "values"));
      expressions.add(expr);
    }
    return new NamespacePolicy(
        TreeFields.str(ns, "from", defaultFrom),
        TreeFields.stringMap(selector, "matchLabels"),
        expressions);
  }

  private static ListenerSetNode listenerSet(Manifest m, YMap spec) {
    return new ListenerSetNode(
        m,
        m.namespace(),
        m.name(),
        ref(
            TreeFields.map(spec, "parentRef"),
            GATEWAY_GROUP,
            "Gateway",
            m.namespace(),
            "spec.parentRef"),
        listeners(spec, m.namespace()),
        TreeFields.str(TreeFields.map(m.root(), "metadata"), "creationTimestamp"));
  }

  private static BackendTlsPolicyNode backendTlsPolicy(Manifest m, YMap spec) {
    List<ObjectRef> targets = new ArrayList<>();
    List<YNode> targetNodes = TreeFields.list(spec, "targetRefs");
    for (int i = 0; i < targetNodes.size(); i++) {
      addRef(
          targets,
          ref(targetNodes.get(i), "", "Service", m.namespace(), "spec.targetRefs[" + i + "]"));
    }
    return new BackendTlsPolicyNode(
        m,
        m.namespace(),
        m.name(),
        targets,
        caRefs(
            TreeFields.map(spec, "validation"), m.namespace(), "spec.validation.caCertificateRefs"),
        TreeFields.str(TreeFields.map(m.root(), "metadata"), "creationTimestamp"));
  }

  /** data plus stringData, which the API server merges into data. */
  private static Map<String, String> secretData(YNode root) {
    Map<String, String> data = new LinkedHashMap<>(TreeFields.stringMap(root, "data"));
    TreeFields.stringMap(root, "stringData")
        .forEach(
            (k, v) ->
                data.put(
                    k,
                    java.util.Base64.getEncoder()
                        .encodeToString(v.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    return data;
  }

  private static List<ObjectRef> caRefs(YMap validation, String namespace, String path) {
    List<ObjectRef> out = new ArrayList<>();
    List<YNode> refs = TreeFields.list(validation, "caCertificateRefs");
    for (int i = 0; i < refs.size(); i++) {
      addRef(out, ref(refs.get(i), "", "ConfigMap", namespace, path + "[" + i + "]"));
    }
    return out;
  }

  private static RouteNode route(Manifest m, YMap spec, Manifest kept) {
    List<ObjectRef> parents = new ArrayList<>();
    List<YNode> parentNodes = TreeFields.list(spec, "parentRefs");
    for (int i = 0; i < parentNodes.size(); i++) {
      addRef(
          parents,
          ref(
              parentNodes.get(i),
              GATEWAY_GROUP,
              "Gateway",
              m.namespace(),
              "spec.parentRefs[" + i + "]"));
    }
    List<ObjectRef> backends = new ArrayList<>();
    List<YNode> rules = TreeFields.list(spec, "rules");
    for (int r = 0; r < rules.size(); r++) {
      String rulePath = "spec.rules[" + r + "]";
      List<YNode> refs = TreeFields.list(rules.get(r), "backendRefs");
      for (int b = 0; b < refs.size(); b++) {
        String path = rulePath + ".backendRefs[" + b + "]";
        addRef(backends, ref(refs.get(b), "", "Service", m.namespace(), path));
        mirrors(refs.get(b), m.namespace(), path, backends);
      }
      mirrors(rules.get(r), m.namespace(), rulePath, backends);
    }
    List<Nodes.MatchKey> matches = new ArrayList<>();
    if (m.kind().equals("TLSRoute")) {
      // A TLSRoute claims whole connections by server name: its hostnames are what overlaps.
      YNode at = spec == null || spec.get("hostnames") == null ? m.root() : spec.get("hostnames");
      matches.add(new Nodes.MatchKey(0, 0, Overlaps.TLS_KEY, at));
    }
    boolean grpc = m.kind().equals("GRPCRoute");
    if (grpc || m.kind().equals("HTTPRoute")) {
      for (int i = 0; i < rules.size(); i++) {
        List<YNode> ms = TreeFields.list(rules.get(i), "matches");
        if (ms.isEmpty()) {
          matches.add(
              new Nodes.MatchKey(
                  i,
                  0,
                  grpc ? Overlaps.GRPC_ANY : "PathPrefix '/'",
                  TreeFields.anchor(rules.get(i))));
        }
        for (int j = 0; j < ms.size(); j++) {
          String key = grpc ? Overlaps.grpcKey(ms.get(j)) : Overlaps.key(ms.get(j));
          matches.add(new Nodes.MatchKey(i, j, key, TreeFields.anchor(ms.get(j))));
        }
      }
    }
    Map<Integer, Nodes.RuleProblem> invalidRules = new java.util.TreeMap<>();
    if (grpc || m.kind().equals("HTTPRoute")) {
      for (int i = 0; i < rules.size(); i++) {
        Nodes.RuleProblem p = HeaderFilters.check(rules.get(i), "spec.rules[" + i + "]");
        if (p != null) {
          invalidRules.put(i, p);
        }
      }
    }
    return new RouteNode(
        kept,
        m.kind(),
        m.namespace(),
        m.name(),
        TreeFields.strings(spec, "hostnames"),
        parents,
        backends,
        List.copyOf(matches),
        rules.size(),
        java.util.Collections.unmodifiableMap(invalidRules),
        scope(TreeFields.str(spec, "useDefaultGateways")) == null
            ? null
            : new Nodes.DefaultGateways(
                TreeFields.str(spec, "useDefaultGateways"),
                TreeFields.anchor(spec.get("useDefaultGateways"))));
  }

  /** RequestMirror filters' backendRefs, which need the same resolution as backendRefs. */
  private static void mirrors(YNode owner, String namespace, String path, List<ObjectRef> out) {
    List<YNode> filters = TreeFields.list(owner, "filters");
    for (int f = 0; f < filters.size(); f++) {
      YMap mirror = TreeFields.map(filters.get(f), "requestMirror");
      if (mirror != null && mirror.get("backendRef") != null) {
        addRef(
            out,
            ref(
                mirror.get("backendRef"),
                "",
                "Service",
                namespace,
                path + ".filters[" + f + "].requestMirror.backendRef"));
      }
    }
  }

  private static ReferenceGrantNode grant(Manifest m, YMap spec) {
    List<GrantFrom> from = new ArrayList<>();
    for (YNode f : TreeFields.list(spec, "from")) {
      from.add(
          new GrantFrom(
              TreeFields.str(f, "group", ""),
              TreeFields.str(f, "kind", ""),
              TreeFields.str(f, "namespace", "")));
    }
    List<GrantTo> to = new ArrayList<>();
    for (YNode t : TreeFields.list(spec, "to")) {
      to.add(
          new GrantTo(
              TreeFields.str(t, "group", ""),
              TreeFields.str(t, "kind", ""),
              TreeFields.str(t, "name")));
    }
    return new ReferenceGrantNode(m.namespace(), from, to);
  }

  /**
   * Adds a reference unless it is absent: an entry that is not a mapping (the schema stage reports
   * it) refers to nothing.
   */
  private static void addRef(List<ObjectRef> out, ObjectRef ref) {
    if (ref != null) {
      out.add(ref);
    }
  }

  /**
   * A reference with the API's defaults for group, kind and namespace, or null when not a mapping.
   */
  static ObjectRef ref(
      YNode node, String defaultGroup, String defaultKind, String defaultNamespace, String path) {
    if (!(node instanceof YMap m)) {
      return null;
    }
    return new ObjectRef(
        TreeFields.str(m, "group", defaultGroup == null ? "" : defaultGroup),
        TreeFields.str(m, "kind", defaultKind),
        TreeFields.str(m, "namespace", defaultNamespace),
        TreeFields.str(m, "name"),
        TreeFields.str(m, "sectionName"),
        TreeFields.integer(m, "port"),
        TreeFields.anchor(m),
        path);
  }
}
