package dev.gwc.serve;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The two path operations of {@code gwc serve} that decide where a request goes: removing
 * dot-segments before routing, and appending the routed path to a configured upstream.
 */
final class UpstreamUrls {
  private UpstreamUrls() {}

  /**
   * The URL to send a request to: the upstream's scheme and authority, its path without a trailing
   * slash, then {@code pathAndQuery} as text. Null when the result is not a valid URI or would name
   * another server than {@code upstream} (it cannot, by construction; the check keeps it so).
   */
  static URI target(URI upstream, String pathAndQuery) {
    String base = upstream.getRawPath() == null ? "" : upstream.getRawPath();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String rest = pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery;
    try {
      URI target = new URI(upstream.getScheme() + "://" + upstream.getRawAuthority() + base + rest);
      return upstream.getRawAuthority().equals(target.getRawAuthority()) ? target : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /**
   * A path with its {@code .} and {@code ..} segments removed (RFC 3986, section 5.2.4), where a
   * segment written {@code %2e} or {@code %2E} counts as a dot too: a {@code ..} that would climb
   * above the root stays at the root. A trailing dot-segment leaves a trailing slash.
   */
  static String removeDotSegments(String path) {
    if (!path.startsWith("/") || (path.indexOf('.') < 0 && path.indexOf('%') < 0)) {
      return path;
    }
    String[] segments = path.split("/", -1);
    Deque<String> out = new ArrayDeque<>();
    boolean trailingSlash = false;
    for (int i = 1; i < segments.length; i++) {
      String segment = segments[i];
      String dots = segment.replace("%2e", ".").replace("%2E", ".");
      boolean last = i == segments.length - 1;
      if (dots.equals(".")) {
        trailingSlash = last;
      } else if (dots.equals("..")) {
        out.pollLast();
        trailingSlash = last;
      } else {
        out.addLast(segment);
        trailingSlash = false;
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String segment : out) {
      sb.append('/').append(segment);
    }
    if (trailingSlash || sb.length() == 0) {
      sb.append('/');
    }
    return sb.toString();
  }
}
