package dev.gwc.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes of one listener for one hostname. Its HTTP matches are compiled, once the table is
 * complete, into a {@link PathIndex}: exact paths, path prefixes (a request path is looked up
 * whole, then up to each {@code /} from the last to the first, longest prefix first) and patterns
 * by the first segment of their literal prefix; so a request only meets the matches whose path fits
 * it.
 */
public final class VirtualHost {
  /** The hostname ({@code a.example}, {@code *.example}), or null for any host. */
  public final String hostname;

  // While the table is built (null once sealed: the index holds them).
  private Map<String, List<Candidates.Http>> exactLists = new HashMap<>();
  // Path prefix keys without their trailing slash ("" for "/").
  private Map<String, List<Candidates.Http>> prefixLists = new HashMap<>();
  // Patterns by the first segment of their literal prefix ("/api" for "/api/v[0-9]+"); the rest,
  // whose literal prefix ends within the first segment, in one general list.
  private Map<String, List<Candidates.Http>> regexLists = new HashMap<>();
  private List<Candidates.Http> regexList = new ArrayList<>();

  // Once sealed.
  private PathIndex paths;
  private final List<Candidates.Grpc> grpc = new ArrayList<>();
  private final List<RouteRule> l4 = new ArrayList<>();

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

  void add(RouteRule r) {
    l4.add(r);
  }

  /** Compiles the HTTP matches into their index; called once when the table is complete. */
  void seal() {
    paths = PathIndex.build(exactLists, prefixLists, regexLists, regexList);
    exactLists = null;
    prefixLists = null;
    regexLists = null;
    regexList = null;
    grpc.sort(Candidates.GRPC);
    l4.sort(Candidates.L4);
  }

  /**
   * Visits the HTTP matches whose path fits {@code path}, in precedence order (Exact, then
   * RegularExpression, then the longest PathPrefix), until the visitor accepts one.
   *
   * @return the accepted match, or null
   */
  public Candidates.Http findHttp(String path, Visitor<Candidates.Http> v) {
    return paths.find(path, v);
  }

  /** The HTTP matches' index (once sealed). */
  PathIndex paths() {
    return paths;
  }

  /** The index of the second {@code /} of a text that starts with one, else -1. */
  static int firstSlash(String text) {
    return text.startsWith("/") ? text.indexOf('/', 1) : -1;
  }

  public List<Candidates.Grpc> grpc() {
    return grpc;
  }

  public List<RouteRule> l4() {
    return l4;
  }

  /** Decides whether a candidate whose path fits also matches the rest of the request. */
  @FunctionalInterface
  public interface Visitor<T> {
    boolean accept(T candidate);
  }
}
