package dev.gwc.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes of one listener for one hostname, indexed by path: exact paths by hash, path prefixes
 * in a tree of path segments (one hash lookup per segment of the request path, longest prefix
 * first), patterns by the first segment of their literal prefix; so a request only meets the
 * matches whose path fits it. Each index holds arrays sorted by precedence once the table is
 * sealed, and a lookup neither allocates nor cuts the path into strings.
 */
final class VirtualHost {
  private static final Candidates.Http[] NONE = new Candidates.Http[0];

  /** The hostname ({@code a.example}, {@code *.example}), or null for any host. */
  final String hostname;

  private final Map<String, List<Candidates.Http>> exactLists = new HashMap<>();
  private final RegionMap<Candidates.Http[]> exact = new RegionMap<>();
  private final Segment prefixes = new Segment();
  // Patterns by the first segment of their literal prefix ("/api" for "/api/v[0-9]+"); the rest,
  // whose literal prefix ends within the first segment, in one general list.
  private final Map<String, List<Candidates.Http>> regexLists = new HashMap<>();
  private final RegionMap<Patterns> regexBySegment = new RegionMap<>();
  private final List<Candidates.Http> regexList = new ArrayList<>();
  private Patterns regex = Patterns.NONE;
  private final List<Candidates.Grpc> grpc = new ArrayList<>();
  private final List<Rule> l4 = new ArrayList<>();

  VirtualHost(String hostname) {
    this.hostname = hostname;
  }

  void add(Candidates.Http c) {
    PathMatch p = c.m().path();
    switch (p.type()) {
      case EXACT -> exactLists.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(c);
      case PREFIX -> prefixes.node(p.key()).list.add(c);
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
    exactLists.forEach((k, l) -> exact.put(k, sorted(l)));
    exactLists.clear();
    prefixes.seal();
    regex = new Patterns(sorted(regexList));
    // Each segment's list also holds the general patterns, so one list is read per request.
    regexLists.forEach(
        (k, l) -> {
          l.addAll(regexList);
          regexBySegment.put(k, new Patterns(sorted(l)));
        });
    regexLists.clear();
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
    Candidates.Http hit = first(exact.get(path), v);
    if (hit != null) {
      return hit;
    }
    hit = regex(path, v);
    if (hit != null) {
      return hit;
    }
    return prefixes.find(path, 0, v);
  }

  /** The patterns that may match a path: its first segment's list, else the general list. */
  private Candidates.Http regex(String path, Visitor<Candidates.Http> v) {
    Patterns list = regex;
    if (!regexBySegment.isEmpty()) {
      int slash = firstSlash(path);
      Patterns bySegment = slash > 0 ? regexBySegment.get(path, 0, slash) : null;
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
          held |= c.m().path().matches(path) ? bit : 0;
        }
        matches = (held & bit) != 0;
      } else {
        matches = c.m().path().matches(path);
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

  /** The first accepted entry of a list found by its exact path or prefix (the path fits). */
  private static Candidates.Http first(Candidates.Http[] list, Visitor<Candidates.Http> v) {
    if (list != null) {
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

  /**
   * A node of the PathPrefix tree: the root stands for the prefix {@code /} (key ""), each child
   * for one more {@code /}-separated segment. A prefix key fits a path exactly when its segments
   * are the first segments of the path, which is PathPrefix's element-wise rule.
   */
  private static final class Segment {
    private final List<Candidates.Http> list = new ArrayList<>(1);
    private Candidates.Http[] here = NONE;
    private Map<String, Segment> childList;
    private RegionMap<Segment> children;

    /** The node of a prefix key, created on first use. */
    Segment node(String key) {
      if (key.isEmpty()) {
        return this;
      }
      Segment n = this;
      int start = 0;
      while (true) {
        int end = key.indexOf('/', start);
        String segment = key.substring(start, end < 0 ? key.length() : end);
        if (n.childList == null) {
          n.childList = new HashMap<>();
        }
        n = n.childList.computeIfAbsent(segment, s -> new Segment());
        if (end < 0) {
          return n;
        }
        start = end + 1;
      }
    }

    void seal() {
      here = sorted(list);
      if (childList != null) {
        children = new RegionMap<>();
        childList.forEach(
            (k, n) -> {
              n.seal();
              children.put(k, n);
            });
        childList = null;
      }
    }

    /**
     * The first accepted match of the deepest node the path reaches, then of each shallower one.
     *
     * @param start where the path's next segment starts, or -1 when every segment is consumed
     */
    Candidates.Http find(String path, int start, Visitor<Candidates.Http> v) {
      if (start >= 0 && children != null) {
        int end = path.indexOf('/', start);
        Segment child = children.get(path, start, end < 0 ? path.length() : end);
        if (child != null) {
          Candidates.Http hit = child.find(path, end < 0 ? -1 : end + 1, v);
          if (hit != null) {
            return hit;
          }
        }
      }
      return first(here, v);
    }
  }

  /** Decides whether a candidate whose path fits also matches the rest of the request. */
  @FunctionalInterface
  interface Visitor<T> {
    boolean accept(T candidate);
  }
}
