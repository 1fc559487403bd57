package dev.gwc.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes of one listener for one hostname, indexed by path: exact paths and path prefixes by
 * hash lookup, so a request only meets the matches whose path fits it.
 */
final class VirtualHost {
  /** The hostname ({@code a.example}, {@code *.example}), or null for any host. */
  final String hostname;

  private final Map<String, List<Candidates.Http>> exact = new HashMap<>();
  private final Map<String, List<Candidates.Http>> prefix = new HashMap<>();
  // Patterns by the first segment of their literal prefix ("/api" for "/api/v[0-9]+"); the rest,
  // whose literal prefix ends within the first segment, in one general list.
  private final Map<String, List<Candidates.Http>> regexBySegment = new HashMap<>();
  private final List<Candidates.Http> regex = new ArrayList<>();
  private final List<Candidates.Grpc> grpc = new ArrayList<>();
  private final List<Rule> l4 = new ArrayList<>();

  VirtualHost(String hostname) {
    this.hostname = hostname;
  }

  void add(Candidates.Http c) {
    PathMatch p = c.m().path();
    switch (p.type()) {
      case EXACT -> exact.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(c);
      case PREFIX -> prefix.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(c);
      case REGEX -> {
        String segment = firstSegment(p.literal());
        if (segment != null && segment.length() < p.literal().length()) {
          regexBySegment.computeIfAbsent(segment, k -> new ArrayList<>()).add(c);
        } else {
          regex.add(c);
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

  /** Sorts every list by precedence; called once when the table is complete. */
  void seal() {
    exact.values().forEach(l -> l.sort(Candidates.HTTP));
    prefix.values().forEach(l -> l.sort(Candidates.HTTP));
    regex.sort(Candidates.HTTP);
    // Each segment's list also holds the general patterns, so one list is read per request.
    regexBySegment
        .values()
        .forEach(
            l -> {
              l.addAll(regex);
              l.sort(Candidates.HTTP);
            });
    grpc.sort(Candidates.GRPC);
    l4.sort(Candidates.L4);
  }

  /**
   * Visits the HTTP matches whose path fits {@code path}, in precedence order, until the visitor
   * accepts one.
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
    String key = PathMatch.prefixKey(path);
    while (true) {
      hit = first(prefix.get(key), v);
      if (hit != null || key.isEmpty()) {
        return hit;
      }
      key = key.substring(0, Math.max(0, key.lastIndexOf('/')));
    }
  }

  /** The patterns that may match a path: its first segment's list, else the general list. */
  private Candidates.Http regex(String path, Visitor<Candidates.Http> v) {
    if (regexBySegment.isEmpty()) {
      return regex.isEmpty() ? null : matching(regex, path, v);
    }
    String segment = firstSegment(path);
    List<Candidates.Http> list = segment == null ? null : regexBySegment.get(segment);
    return matching(list != null ? list : regex, path, v);
  }

  private static Candidates.Http matching(
      List<Candidates.Http> list, String path, Visitor<Candidates.Http> v) {
    for (Candidates.Http c : list) {
      if (c.m().path().matches(path) && v.accept(c)) {
        return c;
      }
    }
    return null;
  }

  /** {@code /api} of {@code /api/x}; null when the text has no second {@code /}. */
  private static String firstSegment(String text) {
    int slash = text.indexOf('/', 1);
    return text.startsWith("/") && slash > 0 ? text.substring(0, slash) : null;
  }

  /** The first accepted entry of a list found by its exact path or prefix (the path fits). */
  private static Candidates.Http first(List<Candidates.Http> list, Visitor<Candidates.Http> v) {
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

  /** Decides whether a candidate whose path fits also matches the rest of the request. */
  @FunctionalInterface
  interface Visitor<T> {
    boolean accept(T candidate);
  }
}
