package dev.gwc.traffic;

import dev.gwc.table.HeaderList;
import dev.gwc.table.Request;

/**
 * Builds a request from the parts of a plain URL without {@link java.net.URI}: lower-case scheme, a
 * DNS hostname, a port and a path and query of unreserved, sub-delimiter and percent-encoded
 * characters. Anything else returns null, and the caller parses the URL with {@link
 * Request#fromUrl}, which then gives the same request or the error; so this class only changes how
 * fast plain URLs are read.
 */
final class Urls {
  private Urls() {}

  /** The request, or null when the parts are not plain enough to skip the URL parser. */
  static Request request(
      String method,
      String scheme,
      String host,
      Integer port,
      String pathAndQuery,
      HeaderList headers,
      HeaderList backendResponse) {
    if (!lowerAlpha(scheme) || !hostname(host)) {
      return null;
    }
    int p = port == null ? Request.defaultPort(scheme) : port;
    if (p < 0 || p > 65535 || !pathAndQuery.startsWith("/")) {
      return null;
    }
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    String query = q < 0 ? null : pathAndQuery.substring(q + 1);
    if (!plain(path, false) || (query != null && (query.isEmpty() || !plain(query, true)))) {
      return null;
    }
    return new Request(method, scheme, host, p, path, query, headers, backendResponse);
  }

  private static boolean lowerAlpha(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < 'a' || s.charAt(i) > 'z') {
        return false;
      }
    }
    return true;
  }

  /** Labels of letters, digits and inner hyphens; the last label starts with a letter. */
  private static boolean hostname(String host) {
    int start = 0;
    while (true) {
      int dot = host.indexOf('.', start);
      int end = dot < 0 ? host.length() : dot;
      if (end == start || host.charAt(start) == '-' || host.charAt(end - 1) == '-') {
        return false;
      }
      for (int i = start; i < end; i++) {
        char c = host.charAt(i);
        if (!(letter(c) || (c >= '0' && c <= '9') || c == '-')) {
          return false;
        }
      }
      if (dot < 0) {
        return letter(host.charAt(start));
      }
      start = dot + 1;
    }
  }

  private static boolean letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** Only characters a URI keeps as they are in a path (or query: also {@code ?}). */
  private static boolean plain(String s, boolean query) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (letter(c) || (c >= '0' && c <= '9') || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0) {
        continue;
      }
      if (c == '?' && query) {
        continue;
      }
      if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) && hex(s.charAt(i + 2))) {
        i += 2;
        continue;
      }
      return false;
    }
    return true;
  }

  private static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
