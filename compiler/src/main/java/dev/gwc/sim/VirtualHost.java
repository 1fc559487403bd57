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
      case REGEX -> regex.add(c);
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
    Candidates.Http hit = first(exact.get(path), path, v);
    if (hit != null) {
      return hit;
    }
    for (Candidates.Http c : regex) {
      if (c.m().path().matches(path) && v.accept(c)) {
        return c;
      }
    }
    String key = PathMatch.prefixKey(path);
    while (true) {
      hit = first(prefix.get(key), path, v);
      if (hit != null || key.isEmpty()) {
        return hit;
      }
      key = key.substring(0, Math.max(0, key.lastIndexOf('/')));
    }
  }

  private static Candidates.Http first(
      List<Candidates.Http> list, String path, Visitor<Candidates.Http> v) {
    if (list != null) {
      for (Candidates.Http c : list) {
        if (c.m().path().matches(path) && v.accept(c)) {
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

  boolean hasHttp() {
    return !exact.isEmpty() || !prefix.isEmpty() || !regex.isEmpty();
  }

  /** Decides whether a candidate whose path fits also matches the rest of the request. */
  @FunctionalInterface
  interface Visitor<T> {
    boolean accept(T candidate);
  }
}
