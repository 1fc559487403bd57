package dev.gwc.dist;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unpacks each release archive that {@code mvn package} made, as a user would, and runs gwc from
 * there: from another directory, through a symbolic link, without the source checkout, and (for the
 * linux-x64 archive) with no Java on the PATH.
 */
class ReleaseArchiveTest {
  private static final Path DIST = Paths.get(System.getProperty("gwc.dist", "target"));
  private static final String RELEASE = System.getProperty("gwc.release", "gwc-0.2.0");

  /** An HTTPRoute whose second rule's backend port is out of range (line 13). */
  private static final String BROKEN_ROUTE =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata:
        name: web
        namespace: default
      spec:
        rules:
        - backendRefs:
          - name: web
            port: 80
        - backendRefs:
          - name: api
            port: 70000
      """;

  @TempDir Path tmp;

  @Test
  void theJarArchiveRunsWithTheJavaOnThePath() throws Exception {
    Path release = unpack(RELEASE + ".tar.gz");
    assertFalse(Files.exists(release.resolve("runtime")), "the plain archive carries no runtime");
    checkLayout(release);
    Path work = Files.createDirectories(tmp.resolve("work"));
    Files.writeString(work.resolve("route.yaml"), BROKEN_ROUTE, UTF_8);

    Result version = run(work, Map.of(), release.resolve("bin/gwc").toString(), "--version");
    assertEquals(0, version.code, version.text);
    assertTrue(version.text.startsWith("gwc 0.2.0"), version.text);

    Result broken =
        run(work, Map.of(), release.resolve("bin/gwc").toString(), "validate", "route.yaml");
    assertEquals(1, broken.code, broken.text);
    assertTrue(broken.text.contains("route.yaml:13:"), broken.text);
    assertTrue(Files.exists(release.resolve("lib/gwc.jsa")), "the archive is kept beside the jar");
    assertNoArchiveIn(work);

    // Installed the usual way: a link on the PATH to bin/gwc.
    Path link = Files.createSymbolicLink(work.resolve("gwc"), release.resolve("bin/gwc"));
    Result viaLink =
        run(work, Map.of(), link.toString(), "validate", release + "/examples/shop/routes.yaml");
    assertEquals(0, viaLink.code, viaLink.text);
  }

  @Test
  void theLinuxArchiveRunsWithoutJava() throws Exception {
    Path release = unpack(RELEASE + "-linux-x64.tar.gz");
    checkLayout(release);
    assertTrue(Files.isExecutable(release.resolve("runtime/bin/java")));
    Path work = Files.createDirectories(tmp.resolve("work"));
    Files.writeString(work.resolve("route.yaml"), BROKEN_ROUTE, UTF_8);

    // A PATH with the shell tools the launcher uses and no java; no JAVA_HOME.
    Path tools = Files.createDirectories(tmp.resolve("tools"));
    for (String tool :
        List.of("bash", "dirname", "readlink", "cksum", "cut", "mkdir", "mv", "rm")) {
      Files.copy(which(tool), tools.resolve(tool), StandardCopyOption.COPY_ATTRIBUTES);
    }
    Map<String, String> env = Map.of("PATH", tools.toString(), "JAVA_HOME", "");
    Result broken = run(work, env, release.resolve("bin/gwc").toString(), "validate", "route.yaml");
    assertEquals(1, broken.code, broken.text);
    assertTrue(broken.text.contains("route.yaml:13:"), broken.text);

    Result map =
        run(
            work,
            env,
            release.resolve("bin/gwc").toString(),
            "map",
            "--format",
            "svg",
            "-o",
            "shop.svg",
            release + "/examples/shop");
    assertEquals(0, map.code, map.text);
    assertTrue(Files.readString(work.resolve("shop.svg"), UTF_8).contains("<svg"));
    assertNoArchiveIn(work);
  }

  @Test
  void aReleaseItsUserCannotWriteToKeepsTheArchiveInTheCacheFolder() throws Exception {
    Path release = unpack(RELEASE + ".tar.gz");
    Path work = Files.createDirectories(tmp.resolve("work"));
    Path cache = Files.createDirectories(tmp.resolve("cache"));
    List<String> command = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      // As root every folder is writable: the run is made as nobody, as a shared install is used.
      assumeTrue(which("runuser") != null, "runuser (util-linux) is not installed");
      openToEveryone(tmp);
      Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
      Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
      command.addAll(List.of("runuser", "-u", "nobody", "--"));
    } else {
      Files.setPosixFilePermissions(
          release.resolve("lib"), PosixFilePermissions.fromString("r-xr-xr-x"));
    }
    command.addAll(
        List.of(
            "env",
            "XDG_CACHE_HOME=" + cache,
            release.resolve("bin/gwc").toString(),
            "validate",
            release + "/examples/shop"));
    Result result = run(work, Map.of(), command.toArray(String[]::new));
    assertEquals(0, result.code, result.text);
    assertFalse(Files.exists(release.resolve("lib/gwc.jsa")));
    try (Stream<Path> files = Files.list(cache.resolve("gwc"))) {
      List<String> names = files.map(p -> p.getFileName().toString()).toList();
      assertEquals(1, names.size(), names.toString());
      assertTrue(names.get(0).matches("gwc-[0-9]+\\.jsa"), names.toString());
    }
    assertNoArchiveIn(work);
  }

  private static void checkLayout(Path release) {
    for (String file :
        List.of("bin/gwc", "lib/gwc.jar", "README.md", "LICENSE", "rules/README.md")) {
      assertTrue(Files.isRegularFile(release.resolve(file)), file + " is in the archive");
    }
    assertTrue(Files.isExecutable(release.resolve("bin/gwc")), "bin/gwc is executable");
    assertTrue(Files.isDirectory(release.resolve("examples/shop")));
  }

  private Path unpack(String archive) throws Exception {
    Path file = DIST.resolve(archive);
    assertTrue(Files.isRegularFile(file), file + " was made by mvn package");
    Path into = Files.createDirectories(tmp.resolve("unpacked"));
    Result tar = run(into, Map.of(), "tar", "xzf", file.toAbsolutePath().toString());
    assertEquals(0, tar.code, tar.text);
    return into.resolve(RELEASE);
  }

  private static void assertNoArchiveIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(
          List.of(),
          files
              .filter(p -> p.toString().endsWith(".jsa") || p.toString().endsWith(".tmp"))
              .toList(),
          "nothing is written into the current directory");
    }
  }

  private static void openToEveryone(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.toList()) {
        if (Files.isDirectory(p) && !Files.isSymbolicLink(p)) {
          Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
      }
    }
  }

  private static Path which(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      Path candidate = Paths.get(dir, tool);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private record Result(int code, String text) {}

  private static Result run(Path dir, Map<String, String> env, String... command) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    env.forEach(
        (k, v) -> {
          if (v.isEmpty()) {
            pb.environment().remove(k);
          }
        });
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished in time: " + String.join(" ", command));
    return new Result(p.exitValue(), new String(out, UTF_8));
  }
}
