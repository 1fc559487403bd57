package dev.gwc.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes of one listener for one hostname, indexed by path in one hash map: exact paths, path
 * prefixes (a request path is looked up whole, then up to each {@code /} from the last to the
 * first, longest prefix first) and patterns by the first segment of their literal prefix; so a
 * request only meets the matches whose path fits it. Each entry holds an array sorted by precedence
 * once the table is sealed, and a lookup neither allocates nor cuts the path into strings. One map
 * per host means that a lookup's probes mostly read the same few cache lines.
 */
final class VirtualHost {
  private static final Candidates.Http[] NONE = new Candidates.Http[0];

  /** The hostname ({@code a.example}, {@code *.example}), or null for any host. */
  final String hostname;

  // The kinds of key in {@link #paths}.
  private static final int EXACT = 0;
  private static final int PREFIX = 1;
  private static final int PATTERNS = 2;

  // While the table is built (null once sealed: the lists live on in paths).
  private Map<String, List<Candidates.Http>> exactLists = new HashMap<>();
  // Path prefix keys without their trailing slash ("" for "/").
  private Map<String, List<Candidates.Http>> prefixLists = new HashMap<>();
  // Patterns by the first segment of their literal prefix ("/api" for "/api/v[0-9]+"); the rest,
  // whose literal prefix ends within the first segment, in one general list.
  private Map<String, List<Candidates.Http>> regexLists = new HashMap<>();
  private List<Candidates.Http> regexList = new ArrayList<>();

  // Once sealed: exact paths to Candidates.Http[], prefixes to Candidates.Http[], first segments
  // to Patterns.
  // Made when sealed, next to its arrays.
  private RegionMap<Object> paths;
  private boolean hasExact;
  private boolean hasPrefixes;
  private boolean hasPatternSegments;
  private Patterns regex = Patterns.NONE;
  private final List<Candidates.Grpc> grpc = new ArrayList<>();
  private final List<Rule> l4 = new ArrayList<>();

  /** The listener whose routes these are. */
  final ListenerTable listener;

  VirtualHost(String hostname, ListenerTable listener) {
    this.hostname = hostname;
    this.listener = listener;
  }

  void add(Candidates.Http c) {
    PathMatch p = c.m().path();
    switch (p.type()) {
      case EXACT -> exactLists.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(c);
      case PREFIX -> prefixLists.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(c);
      case REGEX -> {
        int slash = firstSlash(p.literal());
        if (slash > 0 && slash < p.literal().length()) {
          regexLists
              .computeIfAbsent(p.literal().substring(0, slash), k -> new ArrayList<>())
              .add(c);
        } else {
          regexList.add(c);
        }
      }
    }
  }

  void add(Candidates.Grpc c) {
    grpc.add(c);
  }

  void add(Rule r) {
    l4.add(r);
  }

  /** Sorts every list by precedence into arrays; called once when the table is complete. */
  void seal() {
    hasExact = !exactLists.isEmpty();
    hasPrefixes = !prefixLists.isEmpty();
    hasPatternSegments = !regexLists.isEmpty();
    paths = new RegionMap<>();
    exactLists.forEach((k, l) -> paths.put(EXACT, k, entry(sorted(l))));
    exactLists = null;
    prefixLists.forEach((k, l) -> paths.put(PREFIX, k, entry(sorted(l))));
    prefixLists = null;
    regex = regexList.isEmpty() ? Patterns.NONE : new Patterns(sorted(regexList));
    // Each segment's list also holds the general patterns, so one list is read per request.
    regexLists.forEach(
        (k, l) -> {
          l.addAll(regexList);
          paths.put(PATTERNS, k, new Patterns(sorted(l)));
        });
    regexLists = null;
    regexList = null;
    grpc.sort(Candidates.GRPC);
    l4.sort(Candidates.L4);
  }

  private static Candidates.Http[] sorted(List<Candidates.Http> list) {
    if (list.isEmpty()) {
      return NONE;
    }
    list.sort(Candidates.HTTP);
    return list.toArray(NONE);
  }

  /**
   * Visits the HTTP matches whose path fits {@code path}, in precedence order (Exact, then
   * RegularExpression, then the longest PathPrefix), until the visitor accepts one.
   *
   * @return the accepted match, or null
   */
  Candidates.Http findHttp(String path, Visitor<Candidates.Http> v) {
    if (hasExact) {
      Candidates.Http hit = first(paths.get(EXACT, path, 0, path.length()), v);
      if (hit != null) {
        return hit;
      }
    }
    Candidates.Http hit = regex(path, v);
    if (hit != null || !hasPrefixes) {
      return hit;
    }
    // The path itself, then the part before each '/' from the last: "/a/b/c", "/a/b", "/a", "".
    // A key K fits a path P exactly when P is K or starts with K + "/" (PathPrefix's element-wise
    // rule; keys have no trailing slash), which are the parts probed.
    int end = path.length();
    while (true) {
      hit = first(paths.get(PREFIX, path, 0, end), v);
      if (hit != null || end == 0) {
        return hit;
      }
      end = Math.max(path.lastIndexOf('/', end - 1), 0);
    }
  }

  /** The patterns that may match a path: its first segment's list, else the general list. */
  private Candidates.Http regex(String path, Visitor<Candidates.Http> v) {
    Patterns list = regex;
    if (hasPatternSegments) {
      int slash = firstSlash(path);
      Patterns bySegment = slash > 0 ? (Patterns) paths.get(PATTERNS, path, 0, slash) : null;
      if (bySegment != null) {
        list = bySegment;
      }
    }
    String[] literals = list.literals;
    // Routes often repeat a pattern: each of the first 64 distinct ones runs once per request.
    long ran = 0;
    long held = 0;
    for (int i = 0; i < literals.length; i++) {
      if (!path.startsWith(literals[i])) {
        continue;
      }
      Candidates.Http c = list.candidates[i];
      int id = list.ids[i];
      boolean matches;
      if (id < 64) {
        long bit = 1L << id;
        if ((ran & bit) == 0) {
          ran |= bit;
          held |= c.m().path().regex().matches(path, literals[i].length()) ? bit : 0;
        }
        matches = (held & bit) != 0;
      } else {
        matches = c.m().path().regex().matches(path, literals[i].length());
      }
      if (matches && v.accept(c)) {
        return c;
      }
    }
    return null;
  }

  /**
   * Patterns in precedence order, with their literal prefixes copied side by side: most are ruled
   * out by the prefix, read without visiting the match itself.
   */
  private static final class Patterns {
    static final Patterns NONE = new Patterns(VirtualHost.NONE);

    final Candidates.Http[] candidates;
    final String[] literals;
    // The same number for the same pattern text (which alone decides whether a path matches).
    final int[] ids;

    Patterns(Candidates.Http[] candidates) {
      this.candidates = candidates;
      this.literals = new String[candidates.length];
      this.ids = new int[candidates.length];
      Map<String, Integer> distinct = new HashMap<>();
      for (int i = 0; i < candidates.length; i++) {
        PathMatch p = candidates[i].m().path();
        literals[i] = new String(p.literal().toCharArray());
        ids[i] = distinct.computeIfAbsent(p.value(), k -> distinct.size());
      }
    }
  }

  /** The index of the second {@code /} of a text that starts with one, else -1. */
  private static int firstSlash(String text) {
    return text.startsWith("/") ? text.indexOf('/', 1) : -1;
  }

  /** What {@link #paths} holds for a list of matches: the match itself when there is one. */
  private static Object entry(Candidates.Http[] list) {
    return list.length == 1 ? list[0] : list;
  }

  /** The first accepted match of an entry found by its exact path or prefix (the path fits). */
  private static Candidates.Http first(Object entry, Visitor<Candidates.Http> v) {
    if (entry instanceof Candidates.Http c) {
      return v.accept(c) ? c : null;
    }
    if (entry instanceof Candidates.Http[] list) {
      for (Candidates.Http c : list) {
        if (v.accept(c)) {
          return c;
        }
      }
    }
    return null;
  }

  List<Candidates.Grpc> grpc() {
    return grpc;
  }

  List<Rule> l4() {
    return l4;
  }

  /** Decides whether a candidate whose path fits also matches the rest of the request. */
  @FunctionalInterface
  interface Visitor<T> {
    boolean accept(T candidate);
  }
}
