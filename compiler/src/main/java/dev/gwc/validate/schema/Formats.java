package dev.gwc.validate.schema;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Pattern;

/** The string formats Kubernetes checks in CRD schemas; unknown formats are not checked. */
final class Formats {
  private Formats() {}

  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

  /** A problem description such as "is not an IPv4 address", or null when the value fits. */
  static String check(String format, String v) {
    switch (format) {
      case "ipv4":
        return IPV4.matcher(v).matches() ? null : "is not an IPv4 address";
      case "ipv6":
        return v.indexOf(':') >= 0 && com.google.common.net.InetAddresses.isInetAddress(v)
            ? null
            : "is not an IPv6 address";
      case "date-time":
        try {
          OffsetDateTime.parse(v);
          return null;
        } catch (DateTimeParseException e) {
          return "is not an RFC 3339 date-time such as '2024-01-31T12:00:00Z'";
        }
      case "byte":
        try {
          Base64.getDecoder().decode(v.replace("\n", ""));
          return null;
        } catch (IllegalArgumentException e) {
          return "is not base64-encoded data";
        }
      case "uuid":
        return UUID.matcher(v).matches() ? null : "is not a UUID";
      default:
        return null;
    }
  }
}
