package dev.gwc.pipeline;

import dev.gwc.concurrent.Parallel;
import dev.gwc.diag.Diagnostic;
import dev.gwc.diag.Diagnostics;
import dev.gwc.diag.ResourceRef;
import dev.gwc.graph.GraphBuilder;
import dev.gwc.graph.IngressRefs;
import dev.gwc.graph.Nodes;
import dev.gwc.graph.Nodes.GraphNode;
import dev.gwc.graph.Nodes.RouteNode;
import dev.gwc.graph.Resolution;
import dev.gwc.graph.Resolver;
import dev.gwc.istio.IstioChecks;
import dev.gwc.resource.Manifest;
import dev.gwc.resource.ManifestReader;
import dev.gwc.resource.ResourceRules;
import dev.gwc.rules.ResourceChecks;
import dev.gwc.source.Input;
import dev.gwc.source.SourceFile;
import dev.gwc.source.SourceSpan;
import dev.gwc.validate.Validator;
import dev.gwc.validate.cel.CelEngine;
import dev.gwc.validate.schema.SchemaCatalog;
import dev.gwc.yaml.LoadResult;
import dev.gwc.yaml.YamlDocument;
import dev.gwc.yaml.YamlLoader;
import dev.gwc.yaml.YamlRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * gwc's pipeline, one stage after another.
 *
 * <p>Each input file is read and decoded, then the YAML stage turns it into documents of positioned
 * nodes, the resource stage into manifests that know their apiVersion, kind and name, and the
 * validate stage checks each manifest against its CRD schema and the CRD's CEL rules;
 * single-resource rules follow. Files are independent until then, so they are processed in
 * parallel; the diagnostics are sorted once at the end, so the output never depends on scheduling
 * or input order. Cross-resource stages (graph, rules, status) plug in after validation and see
 * every manifest at once.
 */
public final class Compiler {
  private final Options options;
  private final CelEngine cel;
  private final SchemaCatalog catalog;
  private final List<Diagnostic> setupDiagnostics;
  private final List<SourceFile> setupSources;
  private List<YamlDocument> derived = List.of();

  private Compiler(
      Options options,
      CelEngine cel,
      SchemaCatalog catalog,
      List<Diagnostic> setup,
      List<SourceFile> setupSources) {
    this.options = options;
    this.cel = cel;
    this.catalog = catalog;
    this.setupDiagnostics = List.copyOf(setup);
    this.setupSources = List.copyOf(setupSources);
  }

  /**
   * Prepares a compiler: reads the user's CRDs; bundled schemas load lazily.
   *
   * @throws IOException when a {@code --crds} path cannot be read
   */
  public static Compiler create(Options options, InputStream stdin) throws IOException {
    CelEngine cel = new CelEngine();
    CrdLoader.Result crds =
        options.crds().isEmpty()
            ? new CrdLoader.Result(List.of(), List.of(), List.of())
            : CrdLoader.load(options.crds(), cel, stdin);
    SchemaCatalog catalog =
        new SchemaCatalog(
            options.release(), options.channel(), options.istioRelease(), crds.crds());
    return new Compiler(options, cel, catalog, crds.diagnostics(), crds.sources());
  }

  /** The per-file product of the first stages. */
  private record FileResult(
      SourceFile source, int resources, List<Diagnostic> diagnostics, List<Compiled> compiled) {}

  /**
   * Adds objects derived from the inputs (Ingresses converted to Gateway API), as documents that
   * stand where their origin is written. They are validated and resolved with the inputs, but give
   * way to an object of the same kind, namespace and name in the inputs (one migrated by hand):
   * they are left out and listed in {@link Report#replaced()} instead of being reported as
   * duplicates.
   */
  public Compiler withDerived(List<YamlDocument> documents) {
    this.derived = List.copyOf(documents);
    return this;
  }

  /**
   * Validates the inputs.
   *
   * @throws IOException naming the file when an input cannot be read
   */
  public Report validate(List<Input> inputs, InputStream stdin) throws IOException {
    return run(inputs, stdin, Keep.NONE);
  }

  /**
   * Validates the inputs and keeps every resource with its CRD defaults applied, for {@code gwc
   * compile}.
   *
   * @throws IOException naming the file when an input cannot be read
   */
  public Report compile(List<Input> inputs, InputStream stdin) throws IOException {
    return run(inputs, stdin, Keep.ALL);
  }

  /**
   * Validates the inputs and keeps the CRD-defaulted values of routes only (every other resource as
   * a slim manifest), which is all a routing table reads: {@code gwc simulate} on a large set needs
   * a fraction of {@link #compile}'s memory.
   *
   * @throws IOException naming the file when an input cannot be read
   */
  public Report compileRoutes(List<Input> inputs, InputStream stdin) throws IOException {
    return run(inputs, stdin, Keep.ROUTES);
  }

  /** Which resources keep their whole tree and defaulted value past their file's stages. */
  private enum Keep {
    NONE,
    ROUTES,
    ALL
  }

  private Report run(List<Input> inputs, InputStream stdin, Keep keep) throws IOException {
    long start = System.nanoTime();
    Validator validator = new Validator(catalog, cel);
    ManifestReader manifests = new ManifestReader(options.defaultNamespace());
    FileResult[] read = new FileResult[inputs.size() + (derived.isEmpty() ? 0 : 1)];
    try {
      Parallel.forEach(
          read.length,
          i ->
              read[i] =
                  i < inputs.size()
                      ? validateFile(inputs.get(i), stdin, manifests, validator, keep)
                      : validateDocuments(null, derived, List.of(), manifests, validator, keep));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    List<FileResult> results = Arrays.asList(read);
    int fromInputs = 0;
    for (int i = 0; i < inputs.size(); i++) {
      fromInputs += read[i].compiled().size();
    }
    List<Diagnostic> all = new ArrayList<>(setupDiagnostics);
    Map<String, SourceFile> sources = new HashMap<>();
    for (SourceFile s : setupSources) {
      sources.put(s.name(), s);
    }
    int resources = 0;
    List<Compiled> compiled = new ArrayList<>();
    Set<String> noticesGiven = new HashSet<>();
    for (FileResult r : results) {
      for (Diagnostic d : r.diagnostics()) {
        // Each once-per-run notice from the first file in input order that gave it.
        if (!Validator.isNotice(d) || noticesGiven.add(d.rule() + "\n" + d.message())) {
          all.add(d);
        }
      }
      resources += r.resources();
      compiled.addAll(r.compiled());
      if (r.source() != null) {
        sources.put(r.source().name(), r.source());
      }
    }
    long filesDone = System.nanoTime();
    List<Manifest> validated = new ArrayList<>();
    Map<String, Manifest> seen = new HashMap<>();
    List<Compiled> kept = new ArrayList<>(compiled.size());
    List<String> replaced = new ArrayList<>();
    for (int i = 0; i < compiled.size(); i++) {
      Compiled c = compiled.get(i);
      Manifest m = c.manifest();
      String id = m.group() + "/" + m.kind() + "/" + m.namespace() + "/" + m.name();
      if (i >= fromInputs && seen.containsKey(id)) {
        replaced.add(
            m.kind() + " '" + (m.namespace() == null ? "" : m.namespace() + "/") + m.name() + "'");
        continue;
      }
      kept.add(c);
      validated.add(m);
      Manifest first = c.validated() && m.name() != null ? seen.putIfAbsent(id, m) : null;
      if (first != null) {
        all.add(
            ResourceRules.DUPLICATE_RESOURCE.at(
                m.nameSpan(),
                m.kind()
                    + " '"
                    + (m.namespace() == null ? "" : m.namespace() + "/")
                    + m.name()
                    + "' is already defined at "
                    + first.file()
                    + ":"
                    + first.nameSpan().line()
                    + "; the last definition wins",
                m.ref(),
                "metadata.name"));
      }
    }
    List<GraphNode> nodes = new ArrayList<>(kept.size());
    for (Compiled c : kept) {
      nodes.add(c.graphNode());
    }
    Resolution resolution =
        Resolver.resolve(GraphBuilder.assemble(validated, nodes, options.complete()));
    all.addAll(resolution.diagnostics());
    all.addAll(istioChecks(kept, options.complete()));
    all.addAll(ingressChecks(kept, options.complete()));
    long graphDone = System.nanoTime();
    return new Report(
        Diagnostics.of(all),
        inputs.size(),
        resources,
        sources,
        kept,
        resolution,
        new Report.Timings(filesDone - start, graphDone - filesDone),
        replaced);
  }

  /**
   * Istio's cross-resource checks: the Istio objects with the Services and Secrets of the input,
   * and the ports of the Services from the graph.
   */
  private static List<Diagnostic> istioChecks(List<Compiled> kept, boolean complete) {
    if (kept.stream().noneMatch(c -> c.manifest().group().equals("networking.istio.io"))) {
      return List.of();
    }
    List<Manifest> istio = new ArrayList<>();
    Map<String, List<Integer>> ports = new HashMap<>();
    for (Compiled c : kept) {
      if (c.graphNode() instanceof Nodes.ServiceNode s) {
        ports.put(s.namespace() + "/" + s.name(), s.ports());
      }
      String group = c.manifest().group();
      String kind = c.manifest().kind();
      if (group.equals("networking.istio.io")
          || (group.isEmpty() && (kind.equals("Service") || kind.equals("Secret")))) {
        istio.add(c.manifest());
      }
    }
    return IstioChecks.check(istio, ports, complete);
  }

  /** The references of the input's Ingresses to its Services and Secrets ({@link IngressRefs}). */
  private static List<Diagnostic> ingressChecks(List<Compiled> kept, boolean complete) {
    List<Manifest> manifests = new ArrayList<>(kept.size());
    boolean any = false;
    for (Compiled c : kept) {
      manifests.add(c.manifest());
      any |= c.manifest().kind().equals("Ingress");
    }
    return any ? IngressRefs.check(manifests, complete) : List.of();
  }

  private static FileResult validateFile(
      Input in, InputStream stdin, ManifestReader reader, Validator validator, Keep keep) {
    byte[] bytes;
    try {
      bytes = in.read(stdin);
    } catch (IOException e) {
      throw new UncheckedIOException(new IOException(in.name() + ": " + e.getMessage(), e));
    }
    if (in.renderWith() != null) {
      // A Helm chart: one finding at its Chart.yaml.
      String file = in.path().toString();
      LoadResult marker = YamlLoader.load(file, bytes);
      Diagnostic d =
          YamlRules.TEMPLATE_SOURCE.at(
              new SourceSpan(file, 0, 1, 1),
              in.name()
                  + " is a Helm chart: its files are not manifests until rendered; not read."
                  + " Render it first: "
                  + in.renderWith(),
              ResourceRef.NONE,
              null);
      return new FileResult(marker.source(), 0, List.of(d), List.of());
    }
    LoadResult loaded = YamlLoader.load(in.name(), bytes);
    return validateDocuments(
        loaded.source(), loaded.documents(), loaded.diagnostics(), reader, validator, keep);
  }

  /** The stages after YAML for one file's documents (or for derived ones, without a source). */
  private static FileResult validateDocuments(
      SourceFile source,
      List<YamlDocument> docs,
      List<Diagnostic> loadDiagnostics,
      ManifestReader reader,
      Validator validator,
      Keep keep) {
    List<Diagnostic> diags = new ArrayList<>(loadDiagnostics);
    ManifestReader.Result read = reader.read(docs);
    diags.addAll(read.diagnostics());
    List<Compiled> compiled = new ArrayList<>();
    Set<String> notices = new HashSet<>(); // once per file here, once per run in run()
    for (Manifest m : read.manifests()) {
      Validator.Validated v = validator.validate(m, notices);
      diags.addAll(v.diagnostics());
      diags.addAll(ResourceChecks.run(m));
      // Unknown kinds too (references may name them); values only when they will be written.
      // The graph's view is read now, while the tree is at hand; for validate only a slim manifest
      // (identity and metadata) outlives this file, so large inputs do not stay in memory.
      // For routing, a route's value stays and its node's slim manifest stands for it.
      GraphNode node = GraphBuilder.node(m, keep != Keep.ALL);
      boolean route = keep == Keep.ROUTES && node instanceof RouteNode;
      // Ingresses are routed from their trees (Services name their ports there), and probes of a
      // migration check read Gateway and ListenerSet hostnames: few, small objects, kept whole.
      boolean ingressSide =
          keep == Keep.ROUTES
              && ((m.group().equals("networking.k8s.io")
                      && (m.kind().equals("Ingress") || m.kind().equals("IngressClass")))
                  || (m.group().isEmpty() && m.kind().equals("Service"))
                  || (m.group().equals("gateway.networking.k8s.io")
                      && (m.kind().equals("Gateway") || m.kind().equals("ListenerSet"))));
      // Istio's objects are checked against each other and routed from their trees, and their
      // checks read Services' selectors and ports: kept whole.
      boolean istio =
          m.group().equals("networking.istio.io")
              || (m.group().isEmpty() && m.kind().equals("Service"));
      // Ingresses' references are checked against the Services once the set is read: kept whole.
      boolean ingress = m.group().equals("networking.k8s.io") && m.kind().equals("Ingress");
      Manifest kept =
          keep == Keep.ALL
              ? m
              : route
                  ? ((RouteNode) node).manifest()
                  : ingressSide || istio || ingress ? m : m.slim();
      boolean keepValue = keep == Keep.ALL || route;
      // An object's defaulted value is a map (every manifest is a mapping).
      Map<?, ?> value = v.value() instanceof Map<?, ?> map ? map : null;
      compiled.add(new Compiled(kept, keepValue ? value : null, v.value() != null, node));
    }
    return new FileResult(source, read.manifests().size(), diags, compiled);
  }
}
