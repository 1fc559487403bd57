package dev.gwc.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gwc.output.Values;
import dev.gwc.source.SourceFile;
import dev.gwc.testing.Gwc;
import dev.gwc.traffic.RequestFile;
import dev.gwc.yaml.Plain;
import dev.gwc.yaml.YamlLoader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP requests of the Gateway API conformance suite ({@code ../shared/conformance/cases.json},
 * {@code requests[]}), replayed with {@code gwc simulate --requests} against the test's manifests
 * and checked against what the suite expects, as {@code ../shared/conformance/README.md} describes.
 *
 * <p>A request in {@link #KNOWN_GAPS} ({@code Test#index}) is expected to fail; once gwc meets it,
 * the test fails and asks for the entry to be removed.
 */
class ConformanceRequestsTest {
  /** Where a request with an empty host goes: the Gateway's address. */
  private static final String GATEWAY_ADDRESS = "192.0.2.10";

  /** {@code Test#index} → why gwc does not meet the suite there. */
  static final Map<String, String> KNOWN_GAPS = Map.of();

  @TempDir Path tmp;

  @TestFactory
  @SuppressWarnings("unchecked")
  Stream<DynamicTest> conformanceRequest_resultMatchesSuite() throws IOException {
    List<Map<String, Object>> cases =
        ConformanceStatusTest.cases().stream()
            .map(c -> (Map<String, Object>) RequestFile.withNulls(c))
            .filter(c -> !list(c.get("requests")).isEmpty())
            .toList();
    assertTrue(!cases.isEmpty(), "no conformance case has requests");
    Set<String> ids = new LinkedHashSet<>();
    List<DynamicTest> tests = new ArrayList<>();
    for (Map<String, Object> c : cases) {
      List<Map<String, Object>> requests = maps(c.get("requests"));
      List<Map<String, Object>> results = replay(c, requests);
      for (int i = 0; i < requests.size(); i++) {
        String id = c.get("test") + "#" + i;
        ids.add(id);
        Map<String, Object> req = requests.get(i);
        Map<String, Object> result = results.get(i);
        tests.add(DynamicTest.dynamicTest(id, () -> check(id, req, result)));
      }
    }
    Set<String> stale = new LinkedHashSet<>(KNOWN_GAPS.keySet());
    stale.removeAll(ids);
    assertTrue(stale.isEmpty(), () -> "KNOWN_GAPS names requests that do not exist: " + stale);
    return tests.stream();
  }

  /** Runs gwc once per case (and once more per request sent after deleting objects). */
  private List<Map<String, Object>> replay(
      Map<String, Object> c, List<Map<String, Object>> requests) throws IOException {
    List<Map<String, Object>> plain = new ArrayList<>();
    for (Map<String, Object> r : requests) {
      if (maps(map(r.get("expect")).get("afterDeleting")).isEmpty()) {
        plain.add(r);
      }
    }
    List<Map<String, Object>> plainResults = run(c, plain, List.of());
    List<Map<String, Object>> out = new ArrayList<>();
    int next = 0;
    for (Map<String, Object> r : requests) {
      List<Map<String, Object>> deleted = maps(map(r.get("expect")).get("afterDeleting"));
      out.add(deleted.isEmpty() ? plainResults.get(next++) : run(c, List.of(r), deleted).get(0));
    }
    return out;
  }

  private List<Map<String, Object>> run(
      Map<String, Object> c, List<Map<String, Object>> requests, List<Map<String, Object>> deleted)
      throws IOException {
    Path dir = Gwc.shared().resolve("conformance/manifests");
    Path work = Files.createTempDirectory(tmp, "case");
    List<String> args =
        new ArrayList<>(
            List.of("simulate", "--complete", "--requests", work.resolve("r.jsonl").toString()));
    for (Object m : list(c.get("manifests"))) {
      Path copy = work.resolve((String) m);
      Files.writeString(
          copy,
          without(Files.readString(dir.resolve((String) m), StandardCharsets.UTF_8), deleted));
      args.add(copy.toString());
    }
    StringBuilder lines = new StringBuilder();
    for (Map<String, Object> r : requests) {
      lines.append(Values.compactJson(line(r))).append('\n');
    }
    Files.writeString(work.resolve("r.jsonl"), lines.toString());
    Gwc.Run run = Gwc.run(args.toArray(String[]::new));
    if (run.exit() != 0 && run.exit() != 1) {
      fail(c.get("test") + ": gwc exited " + run.exit() + "\n" + run.err());
    }
    if (requests.isEmpty()) {
      return List.of();
    }
    List<Map<String, Object>> results = new ArrayList<>();
    for (String l : run.out().split("\n")) {
      if (!l.isBlank()) {
        results.add(parse(l));
      }
    }
    return results;
  }

  /** The manifests without the documents of deleted objects. */
  private static String without(String text, List<Map<String, Object>> deleted) {
    if (deleted.isEmpty()) {
      return text;
    }
    List<String> keep = new ArrayList<>();
    for (String doc : text.split("\n---")) {
      boolean gone =
          deleted.stream()
              .anyMatch(
                  d ->
                      doc.contains("kind: " + d.get("kind"))
                          && doc.contains("name: " + d.get("name"))
                          && doc.contains("namespace: " + d.get("namespace")));
      if (!gone) {
        keep.add(doc);
      }
    }
    return String.join("\n---", keep);
  }

  /** The JSONL request line for a suite request. */
  private static Map<String, Object> line(Map<String, Object> r) {
    Map<String, Object> req = map(r.get("request"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("gateway", r.get("gateway"));
    out.put("method", req.get("method"));
    out.put("scheme", req.get("scheme"));
    String host = str(req.get("host"));
    out.put("host", host.isEmpty() ? GATEWAY_ADDRESS : host);
    out.put("port", r.get("port"));
    out.put("path", req.get("path"));
    Map<String, Object> headers = new LinkedHashMap<>(map(req.get("headers")));
    out.put("headers", headers);
    out.put("backendResponseHeaders", map(req.get("backendSetResponseHeaders")));
    return out;
  }

  private static void check(String id, Map<String, Object> r, Map<String, Object> result) {
    List<String> failures = new RequestChecker(r, result).check();
    String gap = KNOWN_GAPS.get(id);
    if (gap == null && !failures.isEmpty()) {
      fail(id + ": " + String.join("; ", failures) + "\n  result: " + Values.compactJson(result));
    } else if (gap != null && failures.isEmpty()) {
      fail(id + " now passes: remove it from KNOWN_GAPS (listed as: " + gap + ")");
    }
  }

  /** One request's expectations, as the suite checks them. */
  private static final class RequestChecker {
    private final Map<String, Object> request;
    private final Map<String, Object> expect;
    private final Map<String, Object> result;
    private final List<String> failures = new ArrayList<>();

    RequestChecker(Map<String, Object> r, Map<String, Object> result) {
      this.request = map(r.get("request"));
      this.expect = map(r.get("expect"));
      this.result = result;
    }

    List<String> check() {
      int status = ((Number) result.get("status")).intValue();
      List<Object> anyOf = list(expect.get("statusAnyOf"));
      int want = expect.get("status") == null ? 200 : ((Number) expect.get("status")).intValue();
      if (!anyOf.isEmpty()
          ? anyOf.stream().noneMatch(s -> ((Number) s).intValue() == status)
          : status != want) {
        failures.add("status " + status + ", expected " + (anyOf.isEmpty() ? want : anyOf));
        return failures;
      }
      if (status >= 300 && status < 400) {
        redirect();
        return failures;
      }
      if (status >= 400) {
        return failures; // only the code is checked
      }
      Map<String, Object> backend = map(result.get("backend"));
      if (Boolean.TRUE.equals(expect.get("answeredByGateway"))) {
        if (result.get("backend") != null || result.get("upstream") != null) {
          failures.add("the gateway should answer itself, but a backend received the request");
        }
      } else {
        backend(backend);
        upstream();
      }
      response();
      mirrors();
      weights();
      return failures;
    }

    private void backend(Map<String, Object> backend) {
      String got = backend.get("namespace") + "/" + backend.get("name");
      if (expect.get("backend") != null && !expect.get("backend").equals(got)) {
        failures.add("backend " + got + ", expected " + expect.get("backend"));
      }
      if (expect.get("backendNamespace") != null
          && !expect.get("backendNamespace").equals(backend.get("namespace"))) {
        failures.add("backend namespace " + backend.get("namespace"));
      }
      Object header = expect.get("upstreamHeaderNamesChosenBackend");
      if (header != null) {
        List<String> v = header(map(map(result.get("upstream")).get("headers")), (String) header);
        if (!List.of(String.valueOf(backend.get("name"))).equals(v)) {
          failures.add("upstream header " + header + " is " + v + ", not the chosen backend");
        }
      }
    }

    private void upstream() {
      Map<String, Object> up = map(result.get("upstream"));
      if (result.get("upstream") == null) {
        failures.add("no upstream request");
        return;
      }
      Map<String, Object> want = map(expect.get("upstream"));
      Map<String, Object> headers = map(up.get("headers"));
      if (expect.get("upstream") == null) {
        // The backend sees the original request.
        equal("upstream path", request.get("path"), up.get("path"));
        equal("upstream method", request.get("method"), up.get("method"));
        map(request.get("headers"))
            .forEach((k, v) -> equal("upstream header " + k, List.of(v), header(headers, k)));
        return;
      }
      if (want.get("path") != null) {
        equal("upstream path", want.get("path"), up.get("path"));
      }
      if (want.get("host") != null) {
        equal("upstream host", want.get("host"), up.get("host"));
      }
      if (want.get("method") != null) {
        equal("upstream method", want.get("method"), up.get("method"));
      }
      headers(want, headers, "upstream");
    }

    private void response() {
      Map<String, Object> want = map(expect.get("response"));
      Map<String, Object> headers = map(map(result.get("response")).get("headers"));
      headers(want, headers, "response");
      boolean ignoreWhitespace = Boolean.TRUE.equals(want.get("ignoreWhitespace"));
      map(want.get("validHeaderValues"))
          .forEach(
              (k, v) -> {
                String got = joined(header(headers, k));
                boolean ok =
                    list(v).stream()
                        .anyMatch(
                            x ->
                                ignoreWhitespace
                                    ? strip((String) x).equals(strip(got))
                                    : x.equals(got));
                if (!ok) {
                  failures.add("response header " + k + " is " + got + ", expected one of " + v);
                }
              });
    }

    private void headers(Map<String, Object> want, Map<String, Object> headers, String what) {
      map(want.get("headers"))
          .forEach((k, v) -> equal(what + " header " + k, v, joined(header(headers, k))));
      for (Object absent : list(want.get("absentHeaders"))) {
        if (header(headers, (String) absent) != null) {
          failures.add(what + " header " + absent + " should be absent");
        }
      }
    }

    private void redirect() {
      Map<String, Object> want = map(expect.get("redirect"));
      Object location = map(result.get("redirect")).get("location");
      if (location == null) {
        failures.add("no redirect location");
        return;
      }
      URI uri = URI.create((String) location);
      String scheme = want.get("scheme") != null ? (String) want.get("scheme") : "http";
      equal("redirect scheme", scheme, uri.getScheme());
      if (want.get("host") != null) {
        equal("redirect host", want.get("host"), uri.getHost());
      }
      int port = uri.getPort();
      if (want.get("port") == null) {
        if (port != -1 && port != (scheme.equals("https") ? 443 : 80)) {
          failures.add("redirect port " + port + ", expected the scheme's default");
        }
      } else {
        equal("redirect port", ((Number) want.get("port")).intValue(), port);
      }
      Object path = want.get("path") != null ? want.get("path") : request.get("path");
      equal("redirect path", path, uri.getRawPath());
    }

    private void mirrors() {
      if (expect.get("mirroredTo") == null) {
        return;
      }
      List<String> got = new ArrayList<>();
      for (Map<String, Object> m : maps(result.get("mirrors"))) {
        got.add(m.get("namespace") + "/" + m.get("name"));
      }
      equal("mirrors", expect.get("mirroredTo"), got);
    }

    private void weights() {
      Map<String, Object> want = map(expect.get("weights"));
      if (want.isEmpty()) {
        return;
      }
      Map<String, Double> got = new LinkedHashMap<>();
      for (Map<String, Object> b : maps(result.get("backends"))) {
        got.merge(
            b.get("namespace") + "/" + b.get("name"),
            ((Number) b.get("share")).doubleValue(),
            Double::sum);
      }
      want.forEach(
          (k, v) -> {
            double share = got.getOrDefault(k, 0.0);
            if (Math.abs(share - ((Number) v).doubleValue()) > 1e-9) {
              failures.add("backend " + k + " gets share " + share + ", expected " + v);
            }
          });
    }

    private void equal(String what, Object want, Object got) {
      Object w = want instanceof Number n ? (Object) n.longValue() : want;
      Object g = got instanceof Number n ? (Object) n.longValue() : got;
      if (!Objects.equals(w, g)) {
        failures.add(what + " is " + got + ", expected " + want);
      }
    }
  }

  /** A header's values, the name compared case-insensitively; null when absent. */
  @SuppressWarnings("unchecked")
  private static List<String> header(Map<String, Object> headers, String name) {
    for (Map.Entry<String, Object> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return (List<String>) e.getValue();
      }
    }
    return null;
  }

  private static String joined(List<String> values) {
    return values == null ? null : String.join(",", values);
  }

  private static String strip(String s) {
    return s == null ? null : s.replace(" ", "").toLowerCase(Locale.ROOT);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String json) {
    return (Map<String, Object>)
        RequestFile.withNulls(
            Plain.of(YamlLoader.load(new SourceFile("out.json", json)).documents().get(0).root()));
  }

  private static String str(Object o) {
    return o == null ? "" : String.valueOf(o);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map ? (Map<String, Object>) o : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return o instanceof List ? (List<Object>) o : List.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object o) {
    return o instanceof List ? (List<Map<String, Object>>) o : List.of();
  }
}
