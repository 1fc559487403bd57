package dev.gwc.table;

import dev.gwc.nginx.IngressNginx;
import dev.gwc.pipeline.Compiled;
import dev.gwc.pipeline.Report;
import dev.gwc.resource.Manifest;
import dev.gwc.yaml.YEntry;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YScalar;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Ingresses of a compiled set as ingress-nginx serves them: per ingress class, one nginx server
 * per host with a location per path, and a default server for rules without host and Ingresses with
 * only a defaultBackend. Ingresses are merged oldest first (creationTimestamp, then
 * namespace/name), so the older one wins a path defined twice; canary Ingresses attach to the
 * location of the same host and path. Immutable once built; {@link IngressRouter} routes through
 * it.
 */
public final class IngressTable {
  public static final String DEFAULT_SERVER = "_";

  private final Map<String, IngressClassTable> classes;
  private final Map<String, List<String>> unclaimed;

  private IngressTable(
      Map<String, IngressClassTable> classes, Map<String, List<String>> unclaimed) {
    this.classes = classes;
    this.unclaimed = unclaimed;
  }

  /**
   * Why Ingresses for this host (or for any host) are not served: their class is not one the
   * controller claims. Empty for most hosts.
   */
  public List<String> unclaimed(String host) {
    if (unclaimed.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    unclaimed.forEach(
        (h, notes) -> {
          if (h.isEmpty()
              || h.equals(host)
              || (h.startsWith("*.")
                  && host.endsWith(h.substring(1))
                  && host.length() > h.length() - 1)) {
            out.addAll(notes);
          }
        });
    return out;
  }

  /** Every ingress class that has an Ingress, sorted by name. */
  public List<IngressClassTable> classes() {
    return List.copyOf(classes.values());
  }

  /** An ingress class by name, or null. */
  public IngressClassTable byName(String name) {
    return classes.get(name);
  }

  /**
   * The location of an Ingress path (its path and backend), or null.
   *
   * @param rule the index of the rule in spec.rules (-1: a server's root location)
   * @param index the index of the path in the rule (-1: a server's root location)
   */
  public IngressLocation location(String namespace, String name, int rule, int index) {
    Found f = find(namespace, name, rule, index);
    return f == null ? null : f.location();
  }

  /** The name of the server that holds an Ingress path ("(any)": default), or null. */
  public String serverOf(String namespace, String name, int rule, int index) {
    Found f = find(namespace, name, rule, index);
    return f == null ? null : f.server().host.equals(DEFAULT_SERVER) ? "(any)" : f.server().host;
  }

  /** A route hit's location and the server that holds it. */
  private record Found(IngressServer server, IngressLocation location) {}

  private Found find(String namespace, String name, int rule, int index) {
    for (IngressClassTable t : classes.values()) {
      for (IngressServer s : t.all()) {
        for (IngressLocation l : s.locations()) {
          if (l.ingress() != null
              && l.ingress().namespace().equals(namespace)
              && l.ingress().name().equals(name)
              && l.rule() == rule
              && l.index() == index) {
            return new Found(s, l);
          }
        }
      }
    }
    return null;
  }

  /** Whether the set has no Ingress. */
  public boolean isEmpty() {
    return classes.isEmpty();
  }

  /** The servers of one ingress class. */
  public static final class IngressClassTable implements DataPlane {
    public final String name;
    private final GatewayId id;
    final Map<String, IngressServer> exact = new LinkedHashMap<>();
    final List<IngressServer> wildcards = new ArrayList<>();

    /** Notes about the class's Ingresses by the host they concern (canaries without a primary). */
    final Map<String, List<String>> notes = new LinkedHashMap<>();

    /** from-to-www-redirect: hosts without a server of their own, to the host they redirect to. */
    final Map<String, String> wwwRedirects = new LinkedHashMap<>();

    IngressClassTable(String name) {
      this.name = name;
      this.id = new GatewayId(null, name);
      exact.put(DEFAULT_SERVER, new IngressServer(DEFAULT_SERVER, root(null, null, null, null)));
    }

    /** The notes about the class's Ingresses for a host (or the default server), in order. */
    public List<String> notes(String host) {
      return notes.getOrDefault(host, List.of());
    }

    /** The class name. */
    public String name() {
      return name;
    }

    /** No namespace and the class name, as results name an ingress class. */
    @Override
    public GatewayId id() {
      return id;
    }

    /** Whether a server other than the default one serves the host. */
    public boolean serves(String host) {
      return server(host) != exact.get(DEFAULT_SERVER) || wwwRedirects.containsKey(host);
    }

    /**
     * The host that from-to-www-redirect sends a request for {@code host} to, or null:
     * ingress-nginx writes a server of its own for the counterpart ({@code example.com} of {@code
     * www.example.com}, or the other way round) of a host one of whose Ingresses asks for it,
     * unless the counterpart has a server already.
     */
    public String wwwRedirect(String host) {
      return wwwRedirects.get(host);
    }

    /** Fills {@link #wwwRedirects} once every server is built. */
    void findWwwRedirects() {
      for (IngressServer s : exact.values()) {
        if (s.host.equals(DEFAULT_SERVER)
            || s.locations().stream().noneMatch(l -> l.options().fromToWww())) {
          continue;
        }
        String from = dev.gwc.nginx.IngressNginx.wwwCounterpart(s.host);
        if (exact.containsKey(from)) {
          notes
              .computeIfAbsent(s.host, h -> new ArrayList<>())
              .add(
                  "from-to-www-redirect of host '"
                      + s.host
                      + "' has no effect: host '"
                      + from
                      + "' has Ingresses of its own");
        } else {
          wwwRedirects.putIfAbsent(from, s.host);
        }
      }
    }

    /** The server of a host: exact name, then a wildcard of one label, then the default server. */
    public IngressServer server(String host) {
      IngressServer s = exact.get(host);
      if (s != null && !host.equals(DEFAULT_SERVER)) {
        return s;
      }
      for (IngressServer w : wildcards) {
        if (IngressServer.matches(w.host, host)) {
          return w;
        }
      }
      return exact.get(DEFAULT_SERVER);
    }

    IngressServer serverNamed(String host) {
      if (host.startsWith("*.")) {
        return wildcards.stream().filter(w -> w.host.equals(host)).findFirst().orElse(null);
      }
      return exact.get(host);
    }

    List<IngressServer> all() {
      List<IngressServer> out = new ArrayList<>(exact.values());
      out.addAll(wildcards);
      return out;
    }
  }

  private static IngressLocation root(
      RouteId ingress, BackendRef backend, String problem, NginxOptions options) {
    return new IngressLocation(
        ingress,
        -1,
        -1,
        "/",
        "Root",
        backend,
        problem,
        options == null ? NginxOptions.read(Map.of()) : options,
        List.of());
  }

  /**
   * Builds the table from the Ingresses, Services and IngressClasses of a compiled set.
   *
   * @param scope the classes the controller claims (empty: those a default ingress-nginx claims,
   *     {@link IngressNginx#claimedClasses}) and whether the input is the whole set
   */
  public static IngressTable build(Report report, IngressScope scope) {
    List<Manifest> manifests = new ArrayList<>();
    for (Compiled c : report.compiled()) {
      manifests.add(c.manifest());
    }
    return build(manifests, scope);
  }

  /** Builds the table from manifests (Ingresses, Services, IngressClasses; others are ignored). */
  public static IngressTable build(List<Manifest> manifests, IngressScope scope) {
    List<String> ingressClasses = scope.classes();
    Map<String, dev.gwc.resource.ServicePorts> ports = new HashMap<>();
    String defaultClass = null;
    Map<String, String> controllers = new TreeMap<>();
    Map<String, Manifest> byId = new LinkedHashMap<>();
    for (Manifest m : manifests) {
      if (m.kind().equals("Service") && m.group().isEmpty()) {
        ports.put(m.namespace() + "/" + m.name(), dev.gwc.resource.ServicePorts.of(m.root()));
      } else if (m.kind().equals("IngressClass") && m.name() != null) {
        controllers.put(
            m.name(), m.root().get("spec") instanceof YMap spec ? spec.string("controller") : null);
        if ("true"
            .equals(annotations(m.root()).get("ingressclass.kubernetes.io/is-default-class"))) {
          defaultClass = m.name();
        }
      } else if (m.kind().equals("Ingress")
          && m.apiVersion().equals("networking.k8s.io/v1")
          && m.name() != null) {
        byId.put(m.namespace() + "/" + m.name(), m);
      }
    }
    List<Manifest> ingresses = new ArrayList<>(byId.values());
    ingresses.sort(
        Comparator.comparing((Manifest m) -> created(m) == null ? "~" : created(m))
            .thenComparing(Manifest::namespace)
            .thenComparing(Manifest::name));
    java.util.Set<String> claimed = IngressNginx.claimedClasses(ingressClasses, controllers);
    Map<String, List<String>> unclaimed = new TreeMap<>();
    // Each served Ingress's class, read once: the merge and TLS passes below need it again.
    List<Map.Entry<Manifest, String>> served = new ArrayList<>();
    for (Manifest m : ingresses) {
      String cls = className(m, annotations(m.root()), defaultClass);
      if (claimed.contains(cls)) {
        served.add(Map.entry(m, cls));
        continue;
      }
      String note =
          "Ingress "
              + m.namespace()
              + "/"
              + m.name()
              + " is not served: its class '"
              + cls
              + (ingressClasses.isEmpty()
                  ? "' is not one a default ingress-nginx claims (here: "
                      + String.join(", ", claimed)
                      + "; IngressClasses whose controller is "
                      + IngressNginx.CONTROLLER
                      + ", and '"
                      + IngressNginx.DEFAULT_CLASS
                      + "'); --ingress-class "
                      + cls
                      + " serves it"
                  : "' is not among --ingress-class " + String.join(", ", claimed));
      for (String host : hosts(m)) {
        unclaimed.computeIfAbsent(host, h -> new ArrayList<>()).add(note);
      }
    }
    Map<String, IngressClassTable> classes = new TreeMap<>();
    IngressBuilder builder = new IngressBuilder(ports, scope.complete());
    for (boolean canaries : new boolean[] {false, true}) {
      for (Map.Entry<Manifest, String> e : served) {
        Manifest m = e.getKey();
        NginxOptions options = NginxOptions.read(annotations(m.root()));
        if ((options.canary() != null) != canaries) {
          continue;
        }
        IngressClassTable t = classes.computeIfAbsent(e.getValue(), IngressClassTable::new);
        builder.add(t, m, options);
      }
    }
    served.forEach(e -> builder.tls(classes.get(e.getValue()), e.getKey()));
    classes.values().forEach(t -> t.all().forEach(IngressServer::seal));
    classes.values().forEach(IngressClassTable::findWwwRedirects);
    return new IngressTable(classes, unclaimed);
  }

  /** The hosts of an Ingress's rules ("" for a rule without host or a defaultBackend). */
  private static java.util.Set<String> hosts(Manifest m) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    if (m.root().get("spec") instanceof YMap spec) {
      if (spec.get("defaultBackend") != null) {
        out.add("");
      }
      if (spec.get("rules") instanceof dev.gwc.yaml.YSeq rules) {
        for (dev.gwc.yaml.YNode rule : rules.items()) {
          String host = rule instanceof YMap r ? r.string("host") : null;
          out.add(host == null ? "" : host);
        }
      }
    }
    return out;
  }

  static String created(Manifest m) {
    return m.root().get("metadata") instanceof YMap meta ? meta.string("creationTimestamp") : null;
  }

  private static String className(Manifest m, Map<String, String> ann, String defaultClass) {
    if (m.root().get("spec") instanceof YMap spec && spec.string("ingressClassName") != null) {
      return spec.string("ingressClassName");
    }
    String legacy = ann.get("kubernetes.io/ingress.class");
    if (legacy != null) {
      return legacy;
    }
    return defaultClass != null ? defaultClass : IngressNginx.DEFAULT_CLASS;
  }

  public static Map<String, String> annotations(YMap root) {
    Map<String, String> out = new LinkedHashMap<>();
    if (root.get("metadata") instanceof YMap meta && meta.get("annotations") instanceof YMap a) {
      for (YEntry e : a.entries()) {
        out.put(e.name(), e.value() instanceof YScalar s && !s.isNull() ? s.text() : "");
      }
    }
    return out;
  }
}
