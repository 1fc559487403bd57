package dev.gwc.schemas;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Build step that turns CustomResourceDefinition files into gwc's schema bundle.
 *
 * <p>It reads the upstream Gateway API CRDs from {@code <gatewayApiDir>/v<version>/<channel>/} for
 * every bundled release and channel, plus the hand-written core schemas (Ingress, Service, ...)
 * from {@code <coreDir>}, drops what validation never needs (descriptions, which are most of the
 * bytes), and writes one compact JSON file per CRD with an {@code index.json} per release and
 * channel, so that the tool loads only the kinds an input actually contains. Files that are not
 * CRDs (the upstream ValidatingAdmissionPolicy) are skipped.
 *
 * <p>Istio's CRDs are read from {@code <istioDir>/<version>/} for every bundled Istio release; of
 * them only the {@code networking.istio.io} kinds gwc understands (Gateway, VirtualService,
 * DestinationRule, ServiceEntry) are bundled, under {@code istio/<version>/}.
 *
 * <p>Usage: {@code SchemaBundler GATEWAY_API_DIR VERSIONS CORE_DIR OUT_DIR ISTIO_DIR
 * ISTIO_VERSIONS}, where the version lists are comma-separated, such as {@code 1.2.1,1.6.1}; the
 * last one of each is the tool's default.
 */
public final class SchemaBundler {
  private static final List<String> CHANNELS = List.of("standard", "experimental");

  /** The Istio kinds gwc validates (and routes, and converts). */
  private static final List<String> ISTIO_KINDS =
      List.of("Gateway", "VirtualService", "DestinationRule", "ServiceEntry");

  private SchemaBundler() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 6) {
      throw new IllegalArgumentException(
          "usage: SchemaBundler GATEWAY_API_DIR VERSIONS CORE_DIR OUT_DIR ISTIO_DIR ISTIO_VERSIONS");
    }
    Path gatewayApiDir = Path.of(args[0]);
    List<String> versions = List.of(args[1].split(","));
    Path coreDir = Path.of(args[2]);
    Path out = Path.of(args[3]);
    int files = 0;
    for (String version : versions) {
      for (String channel : CHANNELS) {
        Path in = gatewayApiDir.resolve("v" + version).resolve(channel);
        if (!Files.isDirectory(in)) {
          throw new IOException(
              "missing Gateway API CRDs for "
                  + version
                  + "/"
                  + channel
                  + ": "
                  + in
                  + " (set -Dgwc.gatewayApiDir=...)");
        }
        files += bundleFolder(in, out.resolve(version).resolve(channel), version, channel);
      }
    }
    files += bundleFolder(coreDir, out.resolve("core"), "core", "core");
    Path istioDir = Path.of(args[4]);
    List<String> istioVersions = List.of(args[5].split(","));
    for (String version : istioVersions) {
      Path in = istioDir.resolve(version);
      if (!Files.isDirectory(in)) {
        throw new IOException(
            "missing Istio CRDs for " + version + ": " + in + " (set -Dgwc.istioDir=...)");
      }
      files += bundleFolder(in, out.resolve("istio").resolve(version), version, "istio");
    }
    Map<String, Object> istio = new LinkedHashMap<>();
    istio.put("releases", istioVersions);
    istio.put("default", istioVersions.get(istioVersions.size() - 1));
    write(out.resolve("istio").resolve("releases.json"), istio);
    Map<String, Object> releases = new LinkedHashMap<>();
    releases.put("releases", versions);
    releases.put("default", versions.get(versions.size() - 1));
    write(out.resolve("releases.json"), releases);
    System.out.println("gwc schema bundle: " + files + " CRDs written to " + out);
  }

  private static int bundleFolder(Path in, Path out, String version, String channel)
      throws IOException {
    List<Path> sources;
    try (Stream<Path> list = Files.list(in)) {
      sources =
          list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
    }
    Files.createDirectories(out);
    List<Object> index = new ArrayList<>();
    for (Path source : sources) {
      String text = Files.readString(source, StandardCharsets.UTF_8);
      Load load = new Load(LoadSettings.builder().setCodePointLimit(64 * 1024 * 1024).build());
      String fileName = source.getFileName().toString();
      if (fileName.endsWith(".schema.yaml")) {
        // A bare schema (ObjectMeta): bundled as is, without descriptions.
        write(
            out.resolve(fileName.replace(".schema.yaml", ".schema.json")),
            strip(load.loadFromString(text), false));
        continue;
      }
      for (Object doc : load.loadAllFromString(text)) {
        if (!(doc instanceof Map<?, ?> crd)
            || !"CustomResourceDefinition".equals(crd.get("kind"))) {
          continue;
        }
        Map<?, ?> spec = (Map<?, ?>) crd.get("spec");
        Map<?, ?> names = (Map<?, ?>) spec.get("names");
        String group = String.valueOf(spec.get("group"));
        if (channel.equals("istio")
            && !(group.equals("networking.istio.io") && ISTIO_KINDS.contains(names.get("kind")))) {
          continue; // Istio's other kinds are read and indexed as any unknown kind is
        }
        String plural = String.valueOf(names.get("plural"));
        String file = (group.isEmpty() ? "core" : group) + "_" + plural + ".json";
        write(out.resolve(file), strip(crd, false));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("file", file);
        entry.put("group", group);
        entry.put("kind", names.get("kind"));
        entry.put("listKind", names.get("listKind"));
        entry.put("plural", plural);
        List<Object> served = new ArrayList<>();
        for (Object v : (List<?>) spec.get("versions")) {
          Map<?, ?> ver = (Map<?, ?>) v;
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("name", ver.get("name"));
          e.put("served", ver.get("served"));
          e.put("storage", ver.get("storage"));
          served.add(e);
        }
        entry.put("versions", served);
        index.add(entry);
      }
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("release", version);
    root.put("channel", channel);
    root.put("crds", index);
    write(out.resolve("index.json"), root);
    return index.size();
  }

  /**
   * Copies a CRD tree without schema descriptions. Inside {@code properties} the keys are field
   * names, so a field that happens to be called "description" is kept.
   */
  private static Object strip(Object node, boolean keysAreFieldNames) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = String.valueOf(e.getKey());
        if (!keysAreFieldNames && key.equals("description")) {
          continue;
        }
        boolean childKeysAreFields = !keysAreFieldNames && key.equals("properties");
        copy.put(key, strip(e.getValue(), childKeysAreFields));
      }
      return copy;
    }
    if (node instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      for (Object item : list) {
        copy.add(strip(item, false));
      }
      return copy;
    }
    return node;
  }

  private static void write(Path file, Object value) throws IOException {
    StringBuilder sb = new StringBuilder();
    Json.writeLines(sb, value, 0);
    sb.append('\n');
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(sb.toString());
    }
  }
}
