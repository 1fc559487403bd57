package dev.gwc.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The compiled index against the specification's order written plainly: every match of the host
 * sorted by precedence, the first whose path fits and whose method, headers and query parameters
 * hold wins. Random hosts and requests drawn from a few path segments, header names and values, so
 * that keys collide, prefixes nest and patterns overlap.
 */
class PathIndexTest {
  private static final String[] SEGMENTS = {"a", "b", "api", "v1", "x.png"};
  // For hosts with hundreds of keys (large tables, long probe chains): many first segments.
  private static final String[] MANY_SEGMENTS = new String[400];

  static {
    for (int i = 0; i < MANY_SEGMENTS.length; i++) {
      MANY_SEGMENTS[i] = i < SEGMENTS.length ? SEGMENTS[i] : "s" + i;
    }
  }

  private String[] segments = SEGMENTS;
  private static final String[] PATTERNS = {
    "/api/v[0-9]+", "/a/[^/]+\\.(png|css)", "/[ab]/.*", ".*", "/api(/.*)?", "/b", "/a/b/c[0-9]*"
  };
  private static final ListenerTable LISTENER =
      new ListenerTable("http", "HTTP", 80, null, null, null);

  @Test
  void find_randomHostsAndRequests_sameAsPrecedenceOrderScan() {
    Random random = new Random(Long.getLong("seed", 20261122L));
    for (int round = 0; round < 300; round++) {
      List<Candidates.Http> all = new ArrayList<>();
      VirtualHost vh = new VirtualHost("h.example", LISTENER);
      boolean large = round % 30 == 29;
      segments = large ? MANY_SEGMENTS : SEGMENTS;
      int n = large ? 700 + random.nextInt(700) : 1 + random.nextInt(round < 100 ? 6 : 40);
      for (int i = 0; i < n; i++) {
        Candidates.Http c = candidate(random, i);
        all.add(c);
        vh.add(c);
      }
      vh.seal();
      all.sort(Candidates.HTTP);
      for (int k = 0; k < 60; k++) {
        Request req = request(random);
        RequestMatcher matcher = new RequestMatcher(req);
        List<Candidates.Http> fitting = new ArrayList<>();
        Candidates.Http expected = null;
        for (Candidates.Http c : all) {
          if (c.m().path().matches(req.path())) {
            fitting.add(c);
            if (expected == null && matcher.mismatch(c.m()) == null) {
              expected = c;
            }
          }
        }
        String where =
            "round "
                + round
                + ", "
                + req.method()
                + " "
                + req.pathAndQuery()
                + " "
                + req.headers()
                + "; expected "
                + (expected == null ? null : expected.m())
                + "; fitting "
                + fitting.stream().map(c -> c.m().toString()).toList();
        assertSame(expected, vh.findHttp(req.path(), matcher), where);
        // A visitor other than the plain matcher (a trace's) meets every fitting match in order.
        List<Candidates.Http> visited = new ArrayList<>();
        vh.findHttp(req.path(), c -> !visited.add(c));
        assertEquals(fitting, visited, where);
      }
    }
  }

  private Candidates.Http candidate(Random random, int i) {
    PathMatch path =
        switch (random.nextInt(3)) {
          case 0 -> PathMatch.of("Exact", path(random));
          case 1 -> PathMatch.of("PathPrefix", path(random) + (random.nextBoolean() ? "/" : ""));
          default -> PathMatch.of("RegularExpression", pick(random, PATTERNS));
        };
    String method = random.nextInt(4) == 0 ? pick(random, "GET", "POST") : null;
    List<ValueMatch> headers = new ArrayList<>();
    for (int h = random.nextInt(3); h > 0; h--) {
      headers.add(
          random.nextBoolean()
              ? ValueMatch.of("Exact", pick(random, "X-Env", "x-team"), pick(random, "a", "b"))
              : ValueMatch.of("RegularExpression", pick(random, "X-Env", "x-team"), "[ab]"));
    }
    List<ValueMatch> query = new ArrayList<>();
    if (random.nextInt(4) == 0) {
      query.add(
          random.nextBoolean()
              ? ValueMatch.of("Exact", "q", pick(random, "1", "2", "a b"))
              : ValueMatch.of("RegularExpression", "q", "[12]"));
    }
    List<BackendRef> backends = new ArrayList<>();
    for (int b = random.nextInt(4); b > 0; b--) {
      backends.add(
          new BackendRef(
              "", "Service", "ns", "svc-" + b, 80, random.nextInt(3), List.of(), null, false));
    }
    RouteId route = new RouteId("HTTPRoute", "ns", "r" + i, null);
    RouteRule rule = new RouteRule(route, 0, List.of(), backends);
    return new Candidates.Http(
        rule, 0, new HttpMatch(path, method, List.copyOf(headers), List.copyOf(query)));
  }

  private Request request(Random random) {
    StringBuilder path = new StringBuilder(path(random));
    if (random.nextInt(4) == 0) {
      path.append('/');
    }
    List<HeaderList.Header> headers = new ArrayList<>();
    for (int h = random.nextInt(4); h > 0; h--) {
      headers.add(
          new HeaderList.Header(
              pick(random, "X-Env", "x-env", "X-TEAM", "accept"), pick(random, "a", "b", "c")));
    }
    String query =
        switch (random.nextInt(6)) {
          case 0 -> "q=1";
          case 1 -> "q=2&q=1";
          case 2 -> "%71=2";
          case 3 -> "p=1&q";
          case 4 -> random.nextBoolean() ? "" : pick(random, "q=a+b", "q=%31", "Q=1");
          default -> null;
        };
    return new Request(
        pick(random, "GET", "POST", "DELETE"),
        "http",
        "h.example",
        80,
        path.toString(),
        query,
        new HeaderList(headers),
        HeaderList.EMPTY);
  }

  private String path(Random random) {
    StringBuilder sb = new StringBuilder();
    for (int s = random.nextInt(4); s > 0; s--) {
      sb.append('/').append(pick(random, segments));
    }
    return sb.length() == 0 ? "/" : sb.toString();
  }

  private static String pick(Random random, String... options) {
    return options[random.nextInt(options.length)];
  }
}
