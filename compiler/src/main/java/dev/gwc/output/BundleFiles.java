package dev.gwc.output;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The file names of a bundle written one resource a file ({@code compile -o}, {@code convert -o}):
 * {@code kind_namespace_name.FORMAT}, or {@code kind_name.FORMAT} for a resource without namespace.
 *
 * <p>No two resources can get the same name: {@code _} separates the parts because no Kubernetes
 * name or namespace may contain it, and every character outside {@code [a-z0-9.-]} in a part (upper
 * case letters too, so that case-insensitive file systems keep the names apart) is written as
 * {@code %XX} of its UTF-8 bytes. The kind is lower case, followed by {@code .group} when its group
 * is not Kubernetes' own or Gateway API's (an Istio Gateway is {@code
 * gateway.networking.istio.io_ns_name}). A name longer than {@value #MAX_BYTES} bytes keeps its
 * start and ends in {@code ~} and a hash of the whole name, so it stays short and stable.
 */
public final class BundleFiles {
  /** The longest file name written, well under the 255 bytes that common file systems allow. */
  static final int MAX_BYTES = 200;

  /** The groups a kind is named without: core, networking.k8s.io and Gateway API's. */
  private static final Set<String> PLAIN_GROUPS =
      Set.of(
          "",
          "v1",
          "networking.k8s.io",
          "gateway.networking.k8s.io",
          "gateway.networking.x-k8s.io");

  private BundleFiles() {}

  /**
   * Two resources whose names still coincide (only possible for kinds that differ in case alone).
   */
  public static final class CollisionException extends Exception {
    private static final long serialVersionUID = 1L;

    CollisionException(String message) {
      super(message);
    }
  }

  /**
   * File name to content for each resource, sorted by name.
   *
   * @param items the resources as plain values (apiVersion, kind, metadata.namespace and name)
   * @param format the file extension, {@code yaml} or {@code json}
   * @param render a resource's text in the format
   * @throws CollisionException naming both resources when two would share a file
   */
  public static Map<String, String> of(
      List<Map<String, Object>> items, String format, Function<Object, String> render)
      throws CollisionException {
    Map<String, String> out = new TreeMap<>();
    Map<String, String> owner = new LinkedHashMap<>();
    for (Map<String, Object> item : items) {
      String file = name(item) + "." + format;
      String who = describe(item);
      String before = owner.putIfAbsent(file, who);
      if (before != null) {
        throw new CollisionException(
            "resources " + before + " and " + who + " would both be written to '" + file + "'");
      }
      out.put(file, render.apply(item));
    }
    return out;
  }

  /** The file name of one resource, without extension. */
  public static String name(Map<String, Object> item) {
    Map<?, ?> meta = item.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
    String kind = String.valueOf(item.get("kind")).toLowerCase(Locale.ROOT);
    String group = group(String.valueOf(item.get("apiVersion")));
    StringBuilder sb =
        new StringBuilder(encode(PLAIN_GROUPS.contains(group) ? kind : kind + "." + group));
    if (meta.get("namespace") != null) {
      sb.append('_').append(encode(String.valueOf(meta.get("namespace"))));
    }
    sb.append('_').append(encode(String.valueOf(meta.get("name"))));
    return shortened(sb.toString());
  }

  private static String group(String apiVersion) {
    int slash = apiVersion.lastIndexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash).toLowerCase(Locale.ROOT);
  }

  private static String describe(Map<String, Object> item) {
    Map<?, ?> meta = item.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
    Object ns = meta.get("namespace");
    return item.get("apiVersion")
        + " "
        + item.get("kind")
        + " '"
        + (ns == null ? "" : ns + "/")
        + meta.get("name")
        + "'";
  }

  /** The part with every byte outside {@code [a-z0-9.-]} as {@code %XX}. */
  static String encode(String part) {
    StringBuilder sb = new StringBuilder(part.length());
    for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.') {
        sb.append(c);
      } else {
        sb.append('%').append(String.format(java.util.Locale.ROOT, "%02X", (int) c));
      }
    }
    return sb.toString();
  }

  /** The name itself when short enough, else its start, {@code ~} and a hash of all of it. */
  private static String shortened(String name) {
    if (name.length() <= MAX_BYTES) {
      return name;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.US_ASCII));
      return name.substring(0, MAX_BYTES - 17) + "~" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
