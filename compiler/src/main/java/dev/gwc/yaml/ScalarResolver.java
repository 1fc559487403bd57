package dev.gwc.yaml;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves plain (unquoted) scalars the way kubectl does: Kubernetes reads manifests with a YAML
 * 1.1 parser, so {@code yes}, {@code on} and {@code off} are booleans, {@code 0755} is octal, and
 * {@code 1_000} is an integer. Quoted scalars are always strings.
 */
public final class ScalarResolver {
  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
  private static final Set<String> TRUES =
      Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
  private static final Set<String> FALSES =
      Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
  private static final Set<String> YAML11_ONLY_BOOLS =
      Set.of(
          "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off",
          "OFF");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern INF = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
  private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

  private ScalarResolver() {}

  /** Resolves a plain scalar to null ({@link YScalar#NULL}), Boolean, Long, Double or String. */
  public static Object resolvePlain(String text) {
    if (NULLS.contains(text)) {
      return YScalar.NULL;
    }
    if (TRUES.contains(text)) {
      return Boolean.TRUE;
    }
    if (FALSES.contains(text)) {
      return Boolean.FALSE;
    }
    char c = text.charAt(0);
    if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
      Object n = number(text);
      if (n != null) {
        return n;
      }
    }
    return text;
  }

  /** Whether a plain scalar is a boolean only under YAML 1.1 (a frequent surprise). */
  public static boolean isYaml11Boolean(String text) {
    return YAML11_ONLY_BOOLS.contains(text);
  }

  /** Parses an integer (decimal, 0x, 0o, 0b, leading-0 octal, underscores) or float; else null. */
  static Object number(String text) {
    String s = text.replace("_", "");
    if (s.isEmpty()) {
      return null;
    }
    Long l = integer(s);
    if (l != null) {
      return l;
    }
    if (FLOAT.matcher(s).matches()) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (INF.matcher(text).matches()) {
      return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (NAN.matcher(text).matches()) {
      return Double.NaN;
    }
    return null;
  }

  private static Long integer(String s) {
    boolean negative = false;
    int i = 0;
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    String body = s.substring(i);
    if (body.isEmpty()) {
      return null;
    }
    int radix = 10;
    if (body.startsWith("0x") || body.startsWith("0X")) {
      radix = 16;
      body = body.substring(2);
    } else if (body.startsWith("0o") || body.startsWith("0O")) {
      radix = 8;
      body = body.substring(2);
    } else if (body.startsWith("0b") || body.startsWith("0B")) {
      radix = 2;
      body = body.substring(2);
    } else if (body.length() > 1 && body.charAt(0) == '0') {
      radix = 8;
      body = body.substring(1);
    }
    if (body.isEmpty()) {
      return null;
    }
    for (int k = 0; k < body.length(); k++) {
      if (Character.digit(body.charAt(k), radix) < 0) {
        return null;
      }
    }
    try {
      return Long.parseLong((negative ? "-" : "") + body, radix);
    } catch (NumberFormatException e) {
      return null; // out of range: read as a float or a string, as kubectl does
    }
  }
}
