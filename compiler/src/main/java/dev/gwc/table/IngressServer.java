package dev.gwc.table;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * An nginx server block as ingress-nginx writes it for one host of one ingress class: the locations
 * of every Ingress path of the host (the oldest Ingress wins a path defined twice) and a root
 * location. When any Ingress of the host asks for regex paths (use-regex or rewrite-target), every
 * location is a case-insensitive regex anchored at the start, tried longest path first; else exact
 * locations win, then the longest prefix.
 */
public final class IngressServer {
  public final String host;
  private final List<IngressLocation> locations = new ArrayList<>();
  private final List<Pattern> patterns = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private boolean tls;
  private boolean regex;

  IngressServer(String host, IngressLocation root) {
    this.host = host;
    locations.add(root);
  }

  /** Adds a path unless the server has one with the same path and type (older Ingress wins). */
  IngressLocation add(IngressLocation loc) {
    for (int i = 0; i < locations.size(); i++) {
      IngressLocation old = locations.get(i);
      boolean replacesRoot = old.root() && !loc.pathType().equals("Exact");
      if (old.path().equals(loc.path())
          && (replacesRoot || old.pathType().equals(loc.pathType()))) {
        if (replacesRoot) {
          locations.set(i, loc);
          return loc;
        }
        return old;
      }
    }
    locations.add(loc);
    return loc;
  }

  /** Adds a canary to the location of the same path, if the server has one; else false. */
  boolean addCanary(String path, String pathType, IngressLocation.Canary canary) {
    for (int i = 0; i < locations.size(); i++) {
      IngressLocation l = locations.get(i);
      if (l.path().equals(path) && (l.root() || l.pathType().equals(pathType))) {
        locations.set(i, l.withCanary(canary));
        return true;
      }
    }
    return false;
  }

  void tls() {
    tls = true;
  }

  void regex() {
    regex = true;
  }

  public boolean hasTls() {
    return tls;
  }

  public boolean isRegex() {
    return regex;
  }

  public List<String> notes() {
    return notes;
  }

  List<IngressLocation> locations() {
    return locations;
  }

  /** Orders the locations as nginx tries them; call once, after the last add. */
  void seal() {
    if (!regex) {
      return;
    }
    locations.sort(Comparator.comparingInt((IngressLocation l) -> -l.path().length()));
    for (IngressLocation l : locations) {
      try {
        patterns.add(Pattern.compile("(?i)^(?:" + l.path() + ")"));
      } catch (PatternSyntaxException e) {
        notes.add("path '" + l.path() + "' is not a valid regular expression; read literally");
        patterns.add(Pattern.compile("(?i)^" + Pattern.quote(l.path())));
      }
    }
  }

  /**
   * The location nginx picks for a path, with the form of the location it matched as {@code
   * [location, "nginx form"]}.
   */
  public Match find(String path) {
    if (regex) {
      for (int i = 0; i < locations.size(); i++) {
        if (patterns.get(i).matcher(path).lookingAt()) {
          return new Match(locations.get(i), "~* \"^" + locations.get(i).path() + "\"");
        }
      }
      return null;
    }
    IngressLocation best = null;
    String bestPrefix = null;
    IngressLocation slashed = null;
    for (IngressLocation l : locations) {
      String p = l.path();
      if (p.length() > 1
          && p.endsWith("/")
          && p.length() == path.length() + 1
          && p.startsWith(path)) {
        slashed = l;
      }
      switch (l.pathType()) {
        case "Exact" -> {
          if (path.equals(p)) {
            return new Match(l, "= " + p);
          }
        }
        case "Prefix" -> {
          if (!p.endsWith("/") && path.equals(p)) {
            return new Match(l, "= " + p);
          }
          String prefix = p.endsWith("/") ? p : p + "/";
          if (path.startsWith(prefix)
              && (bestPrefix == null || prefix.length() > bestPrefix.length())) {
            best = l;
            bestPrefix = prefix;
          }
        }
        default -> {
          if (path.startsWith(p) && (bestPrefix == null || p.length() > bestPrefix.length())) {
            best = l;
            bestPrefix = p;
          }
        }
      }
    }
    if (slashed != null) {
      // nginx's auto redirect: a location whose path ends with "/" and that proxies answers the
      // same path without the slash with 301, unless an exact location takes it (nginx location
      // docs); it wins over every other prefix.
      return new Match(slashed, slashed.path(), slashed.path());
    }
    return best == null ? null : new Match(best, bestPrefix);
  }

  /**
   * A location that matched.
   *
   * @param location the location
   * @param form the nginx location it matched, e.g. {@code = /x} or {@code /x/}
   * @param redirectTo for a request of a location's path without its final "/", the path nginx
   *     answers 301 to; else null
   */
  public record Match(IngressLocation location, String form, String redirectTo) {
    Match(IngressLocation location, String form) {
      this(location, form, null);
    }
  }

  /** Whether a server name matches a host: exactly, or a wildcard for exactly one more label. */
  static boolean matches(String serverName, String host) {
    String name = serverName.toLowerCase(Locale.ROOT);
    if (!name.startsWith("*.")) {
      return name.equals(host);
    }
    String suffix = name.substring(1);
    if (!host.endsWith(suffix)) {
      return false;
    }
    String label = host.substring(0, host.length() - suffix.length());
    return !label.isEmpty() && label.indexOf('.') < 0;
  }
}
