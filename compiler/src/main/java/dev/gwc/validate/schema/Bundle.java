package dev.gwc.validate.schema;

import dev.gwc.source.SourceFile;
import dev.gwc.yaml.LoadResult;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import dev.gwc.yaml.YScalar;
import dev.gwc.yaml.YSeq;
import dev.gwc.yaml.YamlLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema bundle packaged in the jar by the {@code schemas} module: for each bundled Gateway API
 * release and channel an {@code index.json} and one compact JSON file per CRD, the same for each
 * bundled Istio release, plus the core schemas.
 */
public final class Bundle {
  private static final String ROOT = "/gwc/bundle/";

  private Bundle() {}

  /**
   * One CRD listed in an index, not yet loaded.
   *
   * @param file the resource path of its JSON
   * @param group its API group
   * @param kind its kind
   * @param versions its version names
   */
  public record Entry(String file, String group, String kind, List<String> versions) {}

  /** Indexes already read: each is parsed once per run, whoever asks. */
  private static final java.util.Map<String, List<Entry>> INDEXES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static volatile List<String> releases;

  /** The bundled releases, oldest first; the last is the default. */
  public static List<String> releases() {
    List<String> r = releases;
    if (r == null) {
      r = List.copyOf(readReleases());
      releases = r;
    }
    return r;
  }

  private static List<String> readReleases() {
    YMap root = (YMap) parse("releases.json");
    List<String> out = new ArrayList<>();
    for (YNode n : ((YSeq) root.get("releases")).items()) {
      out.add(((YScalar) n).text());
    }
    return out;
  }

  /** The index of a release and channel. */
  public static List<Entry> index(String release, String channel) {
    return index(release + "/" + channel + "/");
  }

  private static volatile List<String> istioReleases;

  /** The bundled Istio releases, oldest first; the last is the default. */
  public static List<String> istioReleases() {
    List<String> r = istioReleases;
    if (r == null) {
      YMap root = (YMap) parse("istio/releases.json");
      List<String> out = new ArrayList<>();
      if (root != null) {
        for (YNode n : ((YSeq) root.get("releases")).items()) {
          out.add(((YScalar) n).text());
        }
      }
      r = List.copyOf(out);
      istioReleases = r;
    }
    return r;
  }

  /** The index of an Istio release's networking kinds (Gateway, VirtualService, ...). */
  public static List<Entry> istioIndex(String release) {
    return index("istio/" + release + "/");
  }

  /** The index of the core schemas (Ingress, Service, ...). */
  public static List<Entry> coreIndex() {
    return index("core/");
  }

  private static List<Entry> index(String dir) {
    return INDEXES.computeIfAbsent(dir, d -> List.copyOf(readIndex(d)));
  }

  private static List<Entry> readIndex(String dir) {
    YNode node = parse(dir + "index.json");
    List<Entry> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    for (YNode n : ((YSeq) ((YMap) node).get("crds")).items()) {
      YMap m = (YMap) n;
      List<String> versions = new ArrayList<>();
      for (YNode v : ((YSeq) m.get("versions")).items()) {
        versions.add(((YMap) v).string("name"));
      }
      out.add(new Entry(dir + m.string("file"), m.string("group"), m.string("kind"), versions));
    }
    return out;
  }

  /** Parses a bundled JSON resource; null when it does not exist. */
  static YNode parse(String path) {
    try (InputStream in = Bundle.class.getResourceAsStream(ROOT + path)) {
      if (in == null) {
        return null;
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      LoadResult r = YamlLoader.load(new SourceFile("bundle:" + path, text));
      if (!r.diagnostics().isEmpty() || r.documents().isEmpty()) {
        throw new IllegalStateException(
            "broken schema bundle entry " + path + ": " + r.diagnostics());
      }
      return r.documents().get(0).root();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
