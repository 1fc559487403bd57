package dev.gwc.table;

import java.util.List;

/**
 * One HTTPRoute match: every part must hold.
 *
 * @param path the path match
 * @param method the method, or null for any
 * @param headers header matches
 * @param query query parameter matches
 */
public record HttpMatch(
    PathMatch path, String method, List<ValueMatch> headers, List<ValueMatch> query) {
  public HttpMatch {
    headers = List.copyOf(headers);
    query = List.copyOf(query);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(path.toString());
    if (method != null) {
      sb.append(", method ").append(method);
    }
    for (ValueMatch h : headers) {
      sb.append(", header ").append(h);
    }
    for (ValueMatch q : query) {
      sb.append(", query ").append(q);
    }
    return sb.toString();
  }
}
