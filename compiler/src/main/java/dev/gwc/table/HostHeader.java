package dev.gwc.table;

/**
 * A Host header split into the host and the port it names ({@code a.example:8443}, {@code
 * [::1]:8080}); the port is -1 when the header has none.
 *
 * @param host the host, without the port
 * @param port the port, or -1
 */
public record HostHeader(String host, int port) {

  /**
   * Splits a Host header.
   *
   * @throws IllegalArgumentException when what follows the last {@code :} is not a port
   */
  public static HostHeader of(String header) {
    int colon = header.lastIndexOf(':');
    if (colon <= 0
        || header.endsWith("]")
        || (header.startsWith("[") && colon < header.indexOf(']'))) {
      return new HostHeader(header, -1);
    }
    String digits = header.substring(colon + 1);
    int port = -1;
    if (!digits.isEmpty() && digits.length() <= 5 && digits.chars().allMatch(Character::isDigit)) {
      port = Integer.parseInt(digits);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("Host '" + header + "' has a malformed port");
    }
    return new HostHeader(header.substring(0, colon), port);
  }
}
