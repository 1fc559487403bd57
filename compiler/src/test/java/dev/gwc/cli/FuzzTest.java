package dev.gwc.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded fuzz run sized for CI: manifests, request lines and raw HTTP requests, each mutated a
 * few times from real seeds. gwc must answer every one with findings and an exit code of the
 * contract (0, 1 or 2), never a stack trace, an internal error or a hang; {@code gwc serve} must
 * answer every request (never a 500 of its own) or close the connection, and still serve
 * afterwards. {@code -Dgwc.fuzz.iterations=N} runs longer, {@code -Dgwc.fuzz.seed=S} replays a run;
 * a failure names the seed and the case.
 */
class FuzzTest {
  private static final long SEED = Long.getLong("gwc.fuzz.seed", 20261206L);
  private static final int ITERATIONS = Integer.getInteger("gwc.fuzz.iterations", 150);

  @TempDir Path tmp;

  /** Text that tends to break parsers: YAML and JSON syntax, odd scalars, control characters. */
  private static final String[] TOKENS = {
    ":",
    "- ",
    "{",
    "}",
    "[",
    "]",
    "&a ",
    "*a",
    "!!binary ",
    "\t",
    "\"",
    "'",
    "#",
    "\n---\n",
    "\u0000",
    "\uFFFF",
    "\uD800",
    "99999999999999999999",
    "-1",
    "null",
    "~",
    "true",
    "0x1F",
    "1e400",
    "<<: *a",
    "? ",
    "|",
    ">",
    "\\",
    "%YAML 1.2\n",
    "\r",
    "\n",
    "  ",
    ",",
    "\u202E",
    "..",
    "//",
    "%2e%2e",
    "%",
    "\u00e9",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "{{{{{{{{{{{{{{{{{{",
    "@",
    "`",
    "=",
  };

  /** A mutated copy of {@code seed}: one to four edits of characters or lines. */
  private static String mutate(String seed, Random r) {
    StringBuilder s = new StringBuilder(seed);
    int edits = 1 + r.nextInt(4);
    for (int e = 0; e < edits && s.length() > 0; e++) {
      int at = r.nextInt(s.length());
      switch (r.nextInt(8)) {
        case 0 -> s.setCharAt(at, (char) r.nextInt(0x80));
        case 1 -> s.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
        case 2 -> s.delete(at, Math.min(s.length(), at + 1 + r.nextInt(40)));
        case 3 -> s.setLength(at); // truncated
        case 4 -> { // a line repeated
          int start = s.lastIndexOf("\n", at) + 1;
          int end = s.indexOf("\n", start);
          String line = s.substring(start, end < 0 ? s.length() : end);
          s.insert(start, line + "\n");
        }
        case 5 -> { // indentation moved
          int start = s.lastIndexOf("\n", at) + 1;
          if (r.nextBoolean()) {
            s.insert(start, "  ");
          } else if (s.length() > start + 1 && s.charAt(start) == ' ') {
            s.delete(start, Math.min(s.length(), start + 2));
          }
        }
        case 6 -> s.insert(at, "x".repeat(1 + r.nextInt(5000)));
        default -> s.insert(at, String.valueOf(r.nextLong()));
      }
    }
    return s.toString();
  }

  /**
   * Where a failing case is kept: {@code target/fuzz-failures/NAME}, outside the temporary folder.
   */
  private static Path kept(Path f) {
    return Path.of("target", "fuzz-failures", f.getFileName().toString()).toAbsolutePath();
  }

  /** The message, after keeping a copy of the case (called only when an assertion fails). */
  private static java.util.function.Supplier<String> keep(Path f, String what) {
    return () -> {
      try {
        Files.createDirectories(kept(f).getParent());
        Files.copy(f, kept(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        return what + " (could not keep the case: " + e.getMessage() + ")";
      }
      return what;
    };
  }

  /** Exit code of the contract, no stack trace, no internal error. */
  private static void assertAnswered(Gwc.Run run, java.util.function.Supplier<String> what) {
    String all = run.out() + run.err();
    boolean ok =
        run.exit() >= 0
            && run.exit() <= 2
            && !all.contains("internal error")
            && !all.contains("\tat ")
            && !all.contains("Exception");
    assertTrue(ok, () -> what.get() + ": exit " + run.exit() + "\n" + all);
  }

  private static List<String> seedManifests() throws IOException {
    List<String> seeds = new ArrayList<>();
    Path root = Gwc.root();
    try (Stream<Path> files =
        Stream.of("examples/shop", "testdata/simulate", "testdata/convert")
            .map(root::resolve)
            .flatMap(FuzzTest::yamlFiles)) {
      for (Path f : files.sorted().limit(40).toList()) {
        String text = Files.readString(f);
        if (text.length() < 20_000) {
          seeds.add(text);
        }
      }
    }
    return seeds;
  }

  private static Stream<Path> yamlFiles(Path dir) {
    try {
      return Files.walk(dir).filter(p -> p.toString().endsWith(".yaml")).toList().stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Inputs earlier fuzz runs broke gwc with, each now answered with findings. */
  @Test
  void casesFoundByFuzzing_areAnsweredWithFindings() throws IOException {
    String[] cases = {
      // A reference list entry that is not a mapping (seed 7): an internal error in the graph.
      "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\n"
          + "spec:\n  parentRefs: [gw]\n  rules:\n  - backendRefs: [svc]\n"
          + "    filters:\n    - type: RequestMirror\n      requestMirror: {backendRef: svc}\n"
          + "---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw}\n"
          + "spec:\n  gatewayClassName: c\n  listeners:\n  - name: h\n    protocol: HTTPS\n"
          + "    port: 443\n    tls: {certificateRefs: [s]}\n",
      // A listener without protocol under a CEL rule (seed 20261206): a library error value
      // in the message.
      "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw}\n"
          + "spec:\n  gatewayClassName: c\n  listeners:\n  - name: a\n    port: 80\n"
          + "  - name: b\n    port: 80\n    protocol: HTTP\n",
    };
    for (int i = 0; i < cases.length; i++) {
      Path f = tmp.resolve("found-" + i + ".yaml");
      Files.writeString(f, cases[i], StandardCharsets.UTF_8);
      for (String command : new String[] {"validate", "compile", "describe"}) {
        Gwc.Run run = Gwc.run(command, f.toString());
        String what = "case " + i + " (" + command + ")";
        assertAnswered(run, () -> what);
        assertEquals(1, run.exit(), what + "\n" + run.err());
      }
    }
  }

  @Test
  void mutatedManifests_areAnsweredWithFindings() throws IOException {
    Random r = new Random(SEED);
    List<String> seeds = seedManifests();
    assertTrue(seeds.size() >= 10, "seeds: " + seeds.size());
    for (int i = 0; i < ITERATIONS; i++) {
      String text = mutate(seeds.get(r.nextInt(seeds.size())), r);
      Path f = tmp.resolve("case-" + i + ".yaml");
      Files.write(f, text.getBytes(StandardCharsets.UTF_8)); // a lone surrogate becomes '?'
      String[] command =
          switch (i % 4) {
            case 0 -> new String[] {"validate", "--format", "json", f.toString()};
            case 1 -> new String[] {"compile", f.toString()};
            case 2 -> new String[] {"convert", f.toString()};
            default -> new String[] {"validate", "--complete", f.toString()};
          };
      String what =
          "seed " + SEED + " case " + i + " (" + command[0] + ", kept as " + kept(f) + ")";
      Gwc.Run run =
          assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Gwc.run(command), keep(f, what));
      assertAnswered(run, keep(f, what));
      Files.delete(f);
    }
  }

  /** Edit inputs earlier fuzz runs broke an edit with, each now answered as it should be. */
  @Test
  void editCasesFoundByFuzzing_areRefusedOrEditedCleanly() throws IOException {
    // A line ending in a lone CR (seed 4): refused at its line.
    Path dir = tmp.resolve("lone-cr");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("routes.yaml"),
        "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: web\n"
            + "spec:\n  rules:\n  - backendRefs:\n    - name: web\n      \rport: 8080\n",
        UTF_8);
    Gwc.Run run =
        Gwc.run("add", "backend", "web", "--rule", "0", "--backend", "b:80", dir.toString());
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().contains("routes.yaml:9: a line ends in a lone CR"), run.err());
    // A file that does not read as YAML (seed 6): appending a route to it is refused.
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "kind: HTTPRoute\nspec:\n  rules:\n  - backendRefs: [!!", UTF_8);
    Gwc.Run create = createRouteInto(broken);
    assertEquals(2, create.exit(), create.err());
    assertTrue(create.err().contains("broken.yaml:4: does not read as YAML"), create.err());
    // A file of white space only (seed 40): the route goes after it, the white space stays.
    Path blank = tmp.resolve("blank").resolve("new.yaml");
    Files.createDirectories(blank.getParent());
    Files.writeString(blank, "\n  \n", UTF_8);
    Gwc.Run into = createRouteInto(blank);
    assertEquals(0, into.exit(), into.err());
    String written = Files.readString(blank);
    assertTrue(written.startsWith("\n  \napiVersion: gateway.networking.k8s.io/v1\n"), written);
  }

  /** {@code gwc create route r --backend b:80 --into FILE}, the set read from FILE's folder. */
  private static Gwc.Run createRouteInto(Path file) {
    return Gwc.run(
        "create",
        "route",
        "r",
        "--backend",
        "b:80",
        "--into",
        file.toString(),
        file.getParent().toString());
  }

  /**
   * The edit commands on mutated copies of the edit goldens' inputs, writing for real: answered
   * like every command, and a file that parsed before an edit still parses after it.
   */
  @Test
  void mutatedEditInputs_areEditedCleanlyOrRefused() throws IOException {
    Random r = new Random(SEED);
    List<Path> seeds;
    try (Stream<Path> files = Files.walk(Gwc.root().resolve("testdata/edit"))) {
      seeds = files.filter(p -> p.getParent().endsWith("input")).sorted().toList();
    }
    assertTrue(seeds.size() >= 8, "seeds: " + seeds.size());
    String[] edits = {
      "add listener edge --port 9999 --protocol HTTP --name fz",
      "remove listener edge --name http",
      "attach route web --gateway edge --section-name fz",
      "detach route web --gateway edge --section-name http",
      "set weights web --rule 0 web=5",
      "add backend web --rule 0 --backend fz:80 --weight 1",
      "create route fz --backend fz:80 --hostname fz.example.com --into {file}",
    };
    for (int i = 0; i < ITERATIONS / 3; i++) {
      Path seed = seeds.get(r.nextInt(seeds.size()));
      byte[] before = mutate(Files.readString(seed), r).getBytes(StandardCharsets.UTF_8);
      Path dir = tmp.resolve("edit-" + i);
      Files.createDirectories(dir);
      Path f = dir.resolve(seed.getFileName());
      Files.write(f, before);
      List<String> command = new ArrayList<>();
      for (String word : edits[i % edits.length].split(" ")) {
        command.add(word.equals("{file}") ? f.toString() : word);
      }
      command.addAll(List.of("--force", dir.toString()));
      String what =
          "seed " + SEED + " edit case " + i + " (" + command + ", kept as " + kept(f) + ")";
      Gwc.Run run =
          assertTimeoutPreemptively(
              Duration.ofSeconds(20), () -> Gwc.run(command.toArray(String[]::new)), keep(f, what));
      assertAnswered(run, keep(f, what));
      assertFalse(run.err().contains("gwc bug"), keep(f, what + ": " + run.err()));
      byte[] after = Files.readAllBytes(f);
      Files.write(f, before); // a failing case is kept as it was before the edit
      String verb = command.get(0);
      if (run.exit() == 0 && !verb.equals("set")) {
        // add, attach, create insert one run of bytes; remove, detach delete one.
        boolean inserts = !verb.equals("remove") && !verb.equals("detach");
        assertTrue(
            oneRunApart(inserts ? before : after, inserts ? after : before),
            keep(f, what + ": more than one " + (inserts ? "insertion" : "deletion")));
      }
      if (dev.gwc.yaml.YamlLoader.load(f.toString(), before).diagnostics().isEmpty()) {
        assertEquals(
            List.of(),
            dev.gwc.yaml.YamlLoader.load(f.toString(), after).diagnostics(),
            keep(
                f,
                what
                    + ": the edit broke a file that parsed\n"
                    + new String(after, StandardCharsets.UTF_8)));
      }
    }
  }

  /** Whether {@code longer} is {@code shorter} with one run of bytes inserted somewhere. */
  private static boolean oneRunApart(byte[] shorter, byte[] longer) {
    int prefix = 0;
    while (prefix < shorter.length && shorter[prefix] == longer[prefix]) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < shorter.length - prefix
        && shorter[shorter.length - 1 - suffix] == longer[longer.length - 1 - suffix]) {
      suffix++;
    }
    return longer.length > shorter.length && prefix + suffix == shorter.length;
  }

  @Test
  void mutatedRequestLines_areErrorResultsOrUsageErrors() throws IOException {
    Random r = new Random(SEED + 1);
    String[] seeds = {
      "{\"method\":\"GET\",\"url\":\"http://www.shop.example.com/cart\"}",
      "{\"method\":\"POST\",\"url\":\"https://www.shop.example.com/api?x=1\",\"headers\":{\"x-api-version\":\"2\"}}",
      "{\"url\":\"https://shop.example.com:443/\",\"gateway\":\"infra/edge\",\"sni\":\"www.shop.example.com\"}",
      "{\"method\":\"GET\",\"url\":\"http://www.shop.example.com/\",\"expect\":{\"status\":301}}",
    };
    String[] logSeeds = {
      "127.0.0.1 - - [06/Dec/2026:10:00:00 +0000] \"GET /cart HTTP/1.1\" 200 12 \"-\" \"curl/8\"",
      "www.shop.example.com:443 10.0.0.1 - - [06/Dec/2026:10:00:00 +0000] \"GET http://www.shop.example.com/api HTTP/1.1\" 200 1 \"-\" \"-\"",
    };
    String shop = Gwc.root().resolve("examples/shop").toString();
    for (int i = 0; i < Math.max(10, ITERATIONS / 5); i++) {
      boolean log = i % 3 == 2;
      String[] from = log ? logSeeds : seeds;
      StringBuilder file = new StringBuilder();
      for (int line = 0; line < 30; line++) {
        String seed = from[r.nextInt(from.length)];
        file.append(r.nextInt(3) == 0 ? seed : mutate(seed, r)).append('\n');
      }
      Path f = tmp.resolve("requests-" + i + (log ? ".log" : ".jsonl"));
      Files.write(f, file.toString().getBytes(StandardCharsets.UTF_8));
      String[] command =
          log
              ? new String[] {
                "simulate", "--requests", f.toString(), "--log-format", "combined", shop
              }
              : i % 3 == 1
                  ? new String[] {"simulate", "--expect", f.toString(), shop}
                  : new String[] {"simulate", "--requests", f.toString(), shop};
      String what = "seed " + (SEED + 1) + " case " + i + " (kept as " + kept(f) + ")";
      Gwc.Run run =
          assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Gwc.run(command), keep(f, what));
      assertAnswered(run, keep(f, what));
      Files.delete(f);
    }
  }

  @Test
  void mutatedHttpRequests_areAnsweredAndServeKeepsServing() throws Exception {
    Random r = new Random(SEED + 2);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    StringWriter err = new StringWriter();
    String[] args = {
      "serve",
      "--listen",
      "127.0.0.1:" + port,
      "--idle-timeout",
      "1s",
      "--max-body-size",
      "64K",
      Gwc.root().resolve("examples/shop").toString()
    };
    CompletableFuture<Integer> running =
        CompletableFuture.supplyAsync(
            () ->
                Main.run(
                    args,
                    new PrintWriter(new StringWriter()),
                    new PrintWriter(err, true),
                    new ByteArrayInputStream(new byte[0])));
    try {
      awaitListening(port, running, err);
      String[] seeds = {
        "GET /cart HTTP/1.1\r\nHost: www.shop.example.com\r\n\r\n",
        "GET /api?x=1 HTTP/1.1\r\nHost: www.shop.example.com:443\r\nx-api-version: 2\r\n\r\n",
        "POST /upload HTTP/1.1\r\nHost: www.shop.example.com:443\r\nContent-Length: 5\r\n\r\nhello",
        "POST / HTTP/1.1\r\nHost: www.shop.example.com:443\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        "GET http://www.shop.example.com:443/home HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET / HTTP/1.0\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: www.shop.example.com\r\nConnection: Upgrade, HTTP2-Settings\r\n"
            + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n",
        "OPTIONS * HTTP/1.1\r\nHost: www.shop.example.com\r\n\r\n",
      };
      for (int i = 0; i < ITERATIONS * 2; i++) {
        String request = mutate(seeds[r.nextInt(seeds.length)], r);
        String what = "seed " + (SEED + 2) + " case " + i + ": " + printable(request);
        String answer =
            assertTimeoutPreemptively(Duration.ofSeconds(15), () -> send(port, request), what);
        if (!answer.isEmpty()) {
          assertTrue(answer.startsWith("HTTP/1."), what + "\n" + answer);
          assertTrue(!answer.startsWith("HTTP/1.1 500"), what + "\n" + answer);
        }
      }
      String ok = send(port, seeds[1]);
      assertTrue(ok.startsWith("HTTP/1.1 200"), "serve stopped serving:\n" + ok);
      assertTrue(!err.toString().contains("Exception"), err.toString());
    } finally {
      ServeCommand.stopAll();
      assertEquals(0, running.get(20, TimeUnit.SECONDS), err.toString());
    }
  }

  private static String printable(String s) {
    String shown = s.length() > 300 ? s.substring(0, 300) + "..." : s;
    return shown.replace("\r", "\\r").replace("\n", "\\n");
  }

  /** Sends the bytes, closes the sending side, and reads until the server closes (or 10 s). */
  private static String send(int port, String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      s.getOutputStream().write("Connection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      s.shutdownOutput();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      InputStream in = s.getInputStream();
      byte[] buf = new byte[8192];
      try {
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
          got.write(buf, 0, n);
        }
      } catch (SocketTimeoutException e) {
        throw new AssertionError("no answer and no close within 10 s");
      } catch (IOException reset) {
        // a connection the server reset is an answer too
      }
      return got.toString(StandardCharsets.ISO_8859_1);
    }
  }

  private static void awaitListening(int port, CompletableFuture<Integer> running, StringWriter err)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        assertTrue(!running.isDone(), () -> "gwc serve stopped: " + err);
        Thread.sleep(50);
      }
    }
    throw new AssertionError(
        "gwc serve did not listen: " + err + Arrays.toString(new int[] {port}));
  }
}
