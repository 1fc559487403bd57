package dev.gwc.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a request lands, reduced to what a migration must keep: the status, the backend (or the
 * weighted split), the redirect's Location (default ports dropped), and the path and Host the
 * backend sees.
 *
 * @param status the status
 * @param backend {@code Service ns/name:port}, the split as {@code a 80%, b 20%}, or "-"
 * @param location the redirect's Location, or "-"
 * @param upstreamPath the path and query the backend sees, or "-"
 * @param upstreamHost the Host the backend sees, or "-"
 */
public record Outcome(
    int status, String backend, String location, String upstreamPath, String upstreamHost) {

  /** The outcome of a result. */
  public static Outcome of(Result r) {
    String backend = "-";
    long positive = r.backends().stream().filter(s -> s.share() > 0).count();
    if (r.backends().size() > 1 && positive > 1) {
      List<String> parts = new ArrayList<>();
      for (Result.Share s : r.backends()) {
        if (s.share() > 0) {
          parts.add(
              s.ref().display() + " " + Shares.percent(Math.round(s.share() * 1000) / 10.0) + "%");
        }
      }
      parts.sort(null);
      backend = String.join(", ", parts);
    } else if (positive == 1 && r.status() < 300) {
      backend =
          r.backends().stream()
              .filter(s -> s.share() > 0)
              .findFirst()
              .orElseThrow()
              .ref()
              .display();
    } else if (r.backend() != null && r.status() < 300) {
      backend = r.backend().display();
    }
    boolean proxied = r.upstream() != null && r.status() < 300;
    return new Outcome(
        r.status(),
        backend,
        r.location() == null ? "-" : normalize(r.location()),
        proxied ? r.upstream().path() : "-",
        proxied ? r.upstream().host().toLowerCase(Locale.ROOT) : "-");
  }

  /** The names of the fields that differ from another outcome, in this record's order. */
  public List<String> differences(Outcome other) {
    List<String> out = new ArrayList<>();
    if (status != other.status) {
      out.add("status");
    }
    if (!backend.equals(other.backend)) {
      out.add("backend");
    }
    if (!location.equals(other.location)) {
      out.add("location");
    }
    if (!upstreamPath.equals(other.upstreamPath)) {
      out.add("upstream path");
    }
    if (!upstreamHost.equals(other.upstreamHost)) {
      out.add("upstream host");
    }
    return out;
  }

  /** One line: {@code 200 Service a/b:80 -> host/path} or {@code 308 -> https://...}. */
  public String display() {
    StringBuilder sb = new StringBuilder().append(status);
    if (!backend.equals("-")) {
      sb.append(' ').append(backend);
    }
    if (!upstreamPath.equals("-")) {
      sb.append(" (upstream ").append(upstreamHost).append(upstreamPath).append(')');
    }
    if (!location.equals("-")) {
      sb.append(" to ").append(location);
    }
    return sb.toString();
  }

  /** Drops the port when it is the scheme's default, as clients read a Location. */
  static String normalize(String location) {
    String l = location;
    int scheme = l.indexOf("://");
    if (scheme < 0) {
      return l;
    }
    String s = l.substring(0, scheme).toLowerCase(Locale.ROOT);
    int slash = l.indexOf('/', scheme + 3);
    String authority = slash < 0 ? l.substring(scheme + 3) : l.substring(scheme + 3, slash);
    String rest = slash < 0 ? "/" : l.substring(slash);
    String port = s.equals("https") ? ":443" : s.equals("http") ? ":80" : null;
    if (port != null && authority.endsWith(port)) {
      authority = authority.substring(0, authority.length() - port.length());
    }
    return s + "://" + authority.toLowerCase(Locale.ROOT) + rest;
  }
}
