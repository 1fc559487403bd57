package dev.gwc.table;

import dev.gwc.regex.Regex;
import java.util.List;

/**
 * One GRPCRoute match.
 *
 * @param service the service, or null for any
 * @param method the method, or null for any
 * @param serviceRegex the service pattern (RegularExpression type), or null
 * @param methodRegex the method pattern, or null
 * @param headers header matches
 */
public record GrpcMatch(
    String service,
    String method,
    Regex serviceRegex,
    Regex methodRegex,
    List<ValueMatch> headers) {
  public GrpcMatch {
    headers = List.copyOf(headers);
  }

  /** Whether the service and method of {@code /service/method} match. */
  boolean matches(String svc, String m) {
    return part(service, serviceRegex, svc) && part(method, methodRegex, m);
  }

  private static boolean part(String want, Regex regex, String actual) {
    if (want == null) {
      return true;
    }
    return regex == null ? want.equals(actual) : regex.matches(actual);
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("service ")
            .append(service == null ? "*" : service)
            .append(", method ")
            .append(method == null ? "*" : method);
    for (ValueMatch h : headers) {
      sb.append(", header ").append(h);
    }
    return sb.toString();
  }
}
