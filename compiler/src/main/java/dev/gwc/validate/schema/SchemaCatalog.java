package dev.gwc.validate.schema;

import dev.gwc.yaml.YMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every schema gwc validates against: the user's {@code --crds} first, then the bundled Gateway API
 * release and channel, the core schemas and the bundled Istio release. A kind is looked up by its
 * group: Istio's Gateway is Istio's. Bundled CRDs are read only when a manifest needs them.
 */
public final class SchemaCatalog {
  private static final Set<String> VALIDATED_GROUPS =
      Set.of(
          "gateway.networking.k8s.io",
          "gateway.networking.x-k8s.io",
          "networking.k8s.io",
          "networking.istio.io",
          "");

  private final String release;
  private final String channel;
  private final List<Crd> userCrds;
  private final List<Bundle.Entry> entries;
  private final List<Bundle.Entry> experimentalEntries;
  private final Map<String, Crd> loaded = new ConcurrentHashMap<>();
  private volatile Schema objectMeta;

  /**
   * Creates the catalog of a bundled release and channel.
   *
   * @param release e.g. {@code 1.6.1}
   * @param channel {@code standard} or {@code experimental}
   * @param userCrds CRDs from {@code --crds}, which take precedence
   */
  public SchemaCatalog(String release, String channel, List<Crd> userCrds) {
    this(release, channel, null, userCrds);
  }

  /**
   * Creates the catalog of a bundled Gateway API release and channel and an Istio release.
   *
   * @param istioRelease e.g. {@code 1.30.3}, or null for the newest bundled
   */
  public SchemaCatalog(String release, String channel, String istioRelease, List<Crd> userCrds) {
    this.release = release;
    this.channel = channel;
    this.userCrds = List.copyOf(userCrds);
    List<Bundle.Entry> e = new ArrayList<>(Bundle.index(release, channel));
    e.addAll(Bundle.coreIndex());
    List<String> istio = Bundle.istioReleases();
    if (!istio.isEmpty()) {
      e.addAll(
          Bundle.istioIndex(istioRelease != null ? istioRelease : istio.get(istio.size() - 1)));
    }
    this.entries = List.copyOf(e);
    this.experimentalEntries =
        channel.equals("standard") ? Bundle.index(release, "experimental") : List.of();
  }

  /** A label for messages, e.g. {@code Gateway API 1.6.1}. */
  public String releaseLabel() {
    return "Gateway API " + release;
  }

  public String release() {
    return release;
  }

  public String channel() {
    return channel;
  }

  /** The ObjectMeta schema used for every resource's metadata. */
  public Schema objectMeta() {
    Schema s = objectMeta;
    if (s == null) {
      s = new CrdReader("bundled core").schema(Bundle.parse("core/objectmeta.schema.json"), 0);
      objectMeta = s;
    }
    return s;
  }

  /** What is known about this apiVersion and kind. */
  public Lookup lookup(String apiVersion, String kind) {
    int slash = apiVersion.lastIndexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    for (Crd crd : userCrds) {
      if (crd.kind().equals(kind) && crd.group().equals(group)) {
        return versionOf(crd, version, null);
      }
    }
    for (Bundle.Entry e : entries) {
      if (e.kind().equals(kind) && e.group().equals(group)) {
        Crd crd = load(e);
        return versionOf(crd, version, experimentalSupplier(kind, group, version));
      }
    }
    // A known kind under a mistyped group? Other projects' kinds with the same name (Istio's
    // Gateway, Knative's Service) are theirs, not typos: the group must be ours or close to it.
    for (Bundle.Entry e : entries) {
      if (e.kind().equals(kind)
          && (VALIDATED_GROUPS.contains(group) || closeGroup(group, e.group()))) {
        Crd crd = load(e);
        List<String> served = served(crd);
        return new Lookup.WrongApiVersion(crd, closest(apiVersion, served, version), served);
      }
    }
    for (Bundle.Entry e : experimentalEntries) {
      if (e.kind().equals(kind) && (e.group().equals(group) || closeGroup(group, e.group()))) {
        List<String> versions = new ArrayList<>();
        for (String v : e.versions()) {
          versions.add(e.group() + "/" + v);
        }
        return new Lookup.ExperimentalOnly(versions);
      }
    }
    if (group.startsWith("gateway.networking.")) {
      List<String> others = new ArrayList<>();
      for (String r : Bundle.releases()) {
        if (!r.equals(release) && hasKind(r, kind)) {
          others.add(r);
        }
      }
      if (!others.isEmpty()) {
        return new Lookup.OtherRelease(others);
      }
    }
    Set<String> kinds = new LinkedHashSet<>();
    for (Bundle.Entry e : entries) {
      kinds.add(e.kind());
    }
    for (Crd c : userCrds) {
      kinds.add(c.kind());
    }
    String suggestion = Suggest.closest(kind, kinds);
    // In a Gateway API group every kind is ours; in the core and networking groups, which have
    // many kinds gwc does not validate, only a near miss of one of ours is a likely typo.
    if (group.startsWith("gateway.networking.")
        || (VALIDATED_GROUPS.contains(group) && suggestion != null)) {
      return new Lookup.MisspelledKind(suggestion);
    }
    return new Lookup.Unknown();
  }

  /** Whether a group looks like a typo of one of ours (not merely another project's group). */
  private static boolean closeGroup(String group, String ours) {
    return !group.isEmpty()
        && !ours.isEmpty()
        && Suggest.distance(Suggest.normalize(group), Suggest.normalize(ours)) <= 3;
  }

  private boolean hasKind(String r, String kind) {
    for (String ch : List.of("standard", "experimental")) {
      for (Bundle.Entry e : Bundle.index(r, ch)) {
        if (e.kind().equals(kind)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String closest(String apiVersion, List<String> served, String version) {
    String s = Suggest.closest(apiVersion, served);
    if (s != null) {
      return s;
    }
    for (String candidate : served) {
      if (candidate.endsWith("/" + version)) {
        return candidate;
      }
    }
    return null;
  }

  private static List<String> served(Crd crd) {
    List<String> out = new ArrayList<>();
    for (CrdVersion v : crd.versions()) {
      if (v.served()) {
        out.add(crd.apiVersion(v.name()));
      }
    }
    return out;
  }

  private Lookup versionOf(Crd crd, String version, Supplier<Schema> experimental) {
    CrdVersion v = crd.version(version);
    if (v == null || !v.served() || v.schema() == null) {
      List<String> served = served(crd);
      return new Lookup.WrongApiVersion(
          crd, closest(crd.apiVersion(version), served, version), served);
    }
    return new Lookup.Found(crd, v, experimental);
  }

  private Supplier<Schema> experimentalSupplier(String kind, String group, String version) {
    for (Bundle.Entry e : experimentalEntries) {
      if (e.kind().equals(kind) && e.group().equals(group) && e.versions().contains(version)) {
        return new Supplier<>() {
          private volatile Schema schema;

          @Override
          public Schema get() {
            Schema s = schema;
            if (s == null) {
              CrdVersion v = load(e).version(version);
              s = v == null ? null : v.schema();
              schema = s;
            }
            return s;
          }
        };
      }
    }
    return null;
  }

  private Crd load(Bundle.Entry e) {
    return loaded.computeIfAbsent(
        e.file(),
        f -> {
          CrdReader reader = new CrdReader("bundled " + release + "/" + channel);
          return reader.read((YMap) Bundle.parse(f));
        });
  }
}
