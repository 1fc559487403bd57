package dev.gwc.convert;

import dev.gwc.concurrent.Parallel;
import dev.gwc.diag.Diagnostic;
import dev.gwc.diag.ResourceRef;
import dev.gwc.diag.Severity;
import dev.gwc.nginx.IngressNginx;
import dev.gwc.resource.Manifest;
import dev.gwc.resource.ManifestReader;
import dev.gwc.source.Input;
import dev.gwc.source.SourceFile;
import dev.gwc.source.SourceSpan;
import dev.gwc.yaml.LoadResult;
import dev.gwc.yaml.YamlLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The convert stage: Ingress (networking.k8s.io/v1) to Gateway API.
 *
 * <p>It reads the inputs the way the pipeline does (YAML with positions, then manifests), indexes
 * the Services, ConfigMaps and IngressClasses around the Ingresses, and orders the Ingresses oldest
 * first, as ingress-nginx does when two of them define the same path. Each Ingress is read with its
 * class and backends, and its annotations are applied or reported. Per ingress class it then plans
 * one Gateway (HTTP listener, an HTTPS listener per TLS host), merges the paths per host into rule
 * drafts, folds canaries into their primaries, and writes the routes, ReferenceGrants and
 * BackendTLSPolicies. The product is the generated objects in a stable order and the notifications:
 * everything the output does not carry over exactly as the input said.
 */
public final class Converter {
  /** How the notification about an Ingress of a class ingress-nginx does not claim reads. */
  public static final String NOT_CLAIMED = "is not one a default ingress-nginx claims";

  private static final List<String> KIND_ORDER =
      List.of(
          "Gateway",
          "ReferenceGrant",
          "HTTPRoute",
          "GRPCRoute",
          "TLSRoute",
          "TCPRoute",
          "BackendTLSPolicy",
          "Service");

  private final ConvertOptions options;
  private final Capabilities caps;
  private final Notes notes = new Notes();
  private int ingressCount;

  private Converter(ConvertOptions options) {
    this.options = options;
    this.caps = Capabilities.of(options.release(), options.channel());
  }

  /**
   * Converts the Ingresses of the inputs.
   *
   * @throws IOException naming the file when an input cannot be read
   */
  public static Conversion convert(List<Input> inputs, InputStream stdin, ConvertOptions options)
      throws IOException {
    return new Converter(options).run(inputs, stdin);
  }

  /** What one input file contributes: its source, manifests and load problems. */
  private record Loaded(
      SourceFile source, List<Manifest> manifests, List<Diagnostic> diagnostics) {}

  /**
   * Words one of which a file must contain to hold anything the conversion reads (Ingresses,
   * IngressClasses, Services, ConfigMaps, Istio's Gateways, VirtualServices and DestinationRules);
   * other files are not parsed at all.
   */
  private static final List<byte[]> RELEVANT =
      List.of(
          "Ingress".getBytes(StandardCharsets.US_ASCII),
          "Service".getBytes(StandardCharsets.US_ASCII),
          "ConfigMap".getBytes(StandardCharsets.US_ASCII),
          "VirtualService".getBytes(StandardCharsets.US_ASCII),
          "Gateway".getBytes(StandardCharsets.US_ASCII),
          "DestinationRule".getBytes(StandardCharsets.US_ASCII));

  private Conversion run(List<Input> inputs, InputStream stdin) throws IOException {
    Map<String, SourceFile> sources = new HashMap<>();
    List<Manifest> manifests = new ArrayList<>();
    ManifestReader reader = new ManifestReader(options.defaultNamespace());
    Loaded[] loaded = new Loaded[inputs.size()];
    try {
      // Files are independent until their Ingresses are merged: read and parse them in parallel.
      Parallel.forEach(loaded.length, i -> loaded[i] = load(inputs.get(i), stdin, reader));
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    for (Loaded l : loaded) {
      if (l.source() != null) {
        sources.put(l.source().name(), l.source());
      }
      for (Diagnostic d : l.diagnostics()) {
        if (d.severity() != Severity.INFO) {
          notes.addAll(
              List.of(new Notification(d.severity(), d.message(), d.span(), d.resource(), null)));
        }
      }
      manifests.addAll(l.manifests());
    }
    Map<String, SourceSpan> origins = new HashMap<>();
    for (Manifest m : manifests) {
      if (m.kind().equals("Ingress") && m.name() != null) {
        origins.putIfAbsent(m.namespace() + "/" + m.name(), m.nameSpan());
      }
      if ((m.group().equals("networking.istio.io") || m.kind().equals("Service"))
          && m.name() != null) {
        origins.putIfAbsent(IstioConverter.origin(m), m.nameSpan());
      }
    }
    List<Map<String, Object>> resources = convert(manifests, inputs);
    return new Conversion(resources, notes.all(), sources, ingressCount, origins);
  }

  private void nothing(List<Input> inputs, String message) {
    String file = inputs.isEmpty() ? "-" : inputs.get(0).name();
    notes.addAll(
        List.of(
            new Notification(
                Severity.WARNING, message, new SourceSpan(file, 0, 0, 0), ResourceRef.NONE, null)));
  }

  private static Loaded load(Input in, InputStream stdin, ManifestReader reader) {
    byte[] bytes;
    try {
      bytes = in.read(stdin);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(new IOException(in.name() + ": " + e.getMessage(), e));
    }
    if (RELEVANT.stream().noneMatch(w -> contains(bytes, w))) {
      return new Loaded(null, List.of(), List.of());
    }
    LoadResult result = YamlLoader.load(in.name(), bytes);
    ManifestReader.Result read = reader.read(result.documents());
    List<Diagnostic> diags = new ArrayList<>(result.diagnostics());
    diags.addAll(read.diagnostics());
    return new Loaded(result.source(), read.manifests(), diags);
  }

  /** Whether {@code word} occurs in {@code bytes} (ASCII; other encodings are parsed anyway). */
  private static boolean contains(byte[] bytes, byte[] word) {
    if (bytes.length > 1 && (bytes[0] == (byte) 0xFE || bytes[0] == (byte) 0xFF || bytes[1] == 0)) {
      return true; // UTF-16 or a byte-order mark: let the loader decide
    }
    outer:
    for (int i = 0; i + word.length <= bytes.length; i++) {
      for (int j = 0; j < word.length; j++) {
        if (bytes[i + j] != word[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private List<Map<String, Object>> convert(List<Manifest> manifests, List<Input> inputs) {
    if (options.provider() == Provider.ISTIO) {
      ingressCount = IstioConverter.virtualServices(manifests).size();
      if (ingressCount == 0) {
        nothing(inputs, "no networking.istio.io VirtualService in the input; nothing to convert");
        return List.of();
      }
      List<Map<String, Object>> out =
          new ArrayList<>(new IstioConverter(options, caps, notes).convert(manifests));
      out.sort(
          Comparator.comparing(
                  (Map<String, Object> o) -> KIND_ORDER.indexOf((String) o.get("kind")))
              .thenComparing(o -> String.valueOf(((Map<?, ?>) o.get("metadata")).get("namespace")))
              .thenComparing(o -> String.valueOf(((Map<?, ?>) o.get("metadata")).get("name"))));
      return out;
    }
    Inventory inventory = Inventory.of(manifests);
    List<Manifest> ingresses = ingresses(manifests);
    ingressCount = ingresses.size();
    if (ingresses.isEmpty()) {
      nothing(inputs, "no networking.k8s.io/v1 Ingress in the input; nothing to convert");
      return List.of();
    }
    IngressReader ingressReader = new IngressReader(inventory, notes);
    NginxAnnotations annotations = new NginxAnnotations(caps, inventory, notes);
    Map<String, List<IngressSource>> byClass = new TreeMap<>();
    Map<String, NginxSettings> settings = new HashMap<>();
    BackendTlsWriter backendTls = new BackendTlsWriter(caps.backendTlsApiVersion(), notes);
    Set<String> claimed = IngressNginx.claimedClasses(List.of(), inventory.controllers());
    for (Manifest m : ingresses) {
      IngressSource ing = ingressReader.read(m);
      if (!claimed.contains(ing.className())) {
        notes.add(
            Severity.INFO,
            m,
            m.nameSpan(),
            "class '"
                + ing.className()
                + "' "
                + NOT_CLAIMED
                + " (IngressClasses whose controller is "
                + IngressNginx.CONTROLLER
                + ", and '"
                + IngressNginx.DEFAULT_CLASS
                + "'); converted to Gateway '"
                + Names.dns(ing.className())
                + "' as if an ingress-nginx served it (gwc simulate routes it as one with"
                + " --ingress-class "
                + ing.className()
                + ")",
            null);
      }
      NginxSettings s = annotations.read(ing, options.provider());
      settings.put(ing.id(), s);
      byClass.computeIfAbsent(ing.className(), k -> new ArrayList<>()).add(ing);
      backendTls.add(ing, s);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (Map.Entry<String, List<IngressSource>> e : byClass.entrySet()) {
      GatewayPlan plan = plan(e.getKey(), e.getValue(), settings);
      GatewayWriter gateway = new GatewayWriter(plan, notes);
      out.addAll(gateway.write());
      List<Draft> drafts = new DraftPlanner(plan, options.provider(), notes).plan();
      RouteWriter routes =
          new RouteWriter(plan, gateway.listenerNames(), httpsRedirectCode(plan, drafts));
      for (RouteWriter.RoutePlan r : routes.plans(drafts)) {
        String id = r.kind() + "/" + r.namespace() + "/" + r.name();
        String suffix = taken.add(id) ? "" : "-" + plan.name();
        out.addAll(routes.write(r, suffix));
      }
    }
    out.addAll(backendTls.write());
    out.sort(
        Comparator.comparingInt(
                (Map<String, Object> o) -> KIND_ORDER.indexOf((String) o.get("kind")))
            .thenComparing(o -> meta(o, "namespace"))
            .thenComparing(o -> meta(o, "name")));
    return out;
  }

  /** The status of HTTP to HTTPS redirects: ingress-nginx's 308 when the release allows it. */
  private long httpsRedirectCode(GatewayPlan plan, List<Draft> drafts) {
    if (caps.redirectCodes().contains(308)) {
      return 308;
    }
    drafts.stream()
        .filter(Draft::toHttps)
        .findFirst()
        .ifPresent(
            d ->
                notes.add(
                    Severity.INFO,
                    plan.ingresses().get(0).manifest(),
                    d.span(),
                    "HTTP to HTTPS redirects use status 301: Gateway API "
                        + caps.label()
                        + " does not allow ingress-nginx's 308",
                    null));
    return 301;
  }

  private GatewayPlan plan(
      String className, List<IngressSource> ingresses, Map<String, NginxSettings> settings) {
    String namespace = options.gatewayNamespace();
    if (namespace == null) {
      Set<String> namespaces = new HashSet<>();
      ingresses.forEach(i -> namespaces.add(i.namespace()));
      namespace =
          namespaces.size() == 1 ? namespaces.iterator().next() : options.defaultNamespace();
    }
    Map<String, NginxSettings> own = new LinkedHashMap<>();
    ingresses.forEach(i -> own.put(i.id(), settings.get(i.id())));
    return new GatewayPlan(
        Names.dns(className),
        namespace,
        options.gatewayClass() != null ? options.gatewayClass() : className,
        ingresses,
        own,
        GatewayWriter.tlsHosts(ingresses));
  }

  /** The v1 Ingresses, oldest first; other versions and repeats are reported. */
  private List<Manifest> ingresses(List<Manifest> manifests) {
    Map<String, Manifest> byId = new LinkedHashMap<>();
    for (Manifest m : manifests) {
      if (!m.kind().equals("Ingress")
          || !(m.group().equals("networking.k8s.io") || m.group().equals("extensions"))) {
        continue;
      }
      if (!m.apiVersion().equals("networking.k8s.io/v1")) {
        notes.error(
            m,
            m.root().span(),
            "Ingress of apiVersion '"
                + m.apiVersion()
                + "' is not converted; only networking.k8s.io/v1 is (the beta versions were removed"
                + " in Kubernetes 1.22)");
        continue;
      }
      if (m.name() == null) {
        notes.error(m, m.root().span(), "Ingress without metadata.name is not converted");
        continue;
      }
      Manifest earlier = byId.put(m.namespace() + "/" + m.name(), m);
      if (earlier != null) {
        notes.warn(
            m,
            m.nameSpan(),
            "Ingress '"
                + m.namespace()
                + "/"
                + m.name()
                + "' is defined twice; the last definition is converted");
      }
    }
    List<Manifest> out = new ArrayList<>(byId.values());
    out.sort(
        Comparator.comparing((Manifest m) -> created(m) == null ? "~" : created(m))
            .thenComparing(Manifest::namespace)
            .thenComparing(Manifest::name));
    return out;
  }

  private static String created(Manifest m) {
    return m.root().get("metadata") instanceof dev.gwc.yaml.YMap meta
        ? meta.string("creationTimestamp")
        : null;
  }

  private static String meta(Map<String, Object> o, String key) {
    return o.get("metadata") instanceof Map<?, ?> m && m.get(key) != null
        ? String.valueOf(m.get(key))
        : "";
  }
}
