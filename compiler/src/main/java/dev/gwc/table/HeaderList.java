package dev.gwc.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP headers in order, with names compared case-insensitively, as HTTP defines them. Immutable:
 * every change returns a new list.
 *
 * @param entries the headers as {@code [name, value]} pairs, names as written
 */
public record HeaderList(List<Header> entries) {
  /** The empty list. */
  public static final HeaderList EMPTY = new HeaderList(List.of());

  /**
   * One header line.
   *
   * @param name the name as written
   * @param value the value
   */
  public record Header(String name, String value) {}

  public HeaderList {
    entries = List.copyOf(entries);
  }

  /** Every value of a header, in order; empty when absent. */
  public List<String> values(String name) {
    List<String> out = new ArrayList<>(1);
    for (Header h : entries) {
      if (h.name().equalsIgnoreCase(name)) {
        out.add(h.value());
      }
    }
    return out;
  }

  /** The values of a header joined with "," (as a proxy folds them), or null when absent. */
  public String joined(String name) {
    String out = null;
    for (Header h : entries) {
      if (h.name().equalsIgnoreCase(name)) {
        out = out == null ? h.value() : out + "," + h.value();
      }
    }
    return out;
  }

  /** A copy with one more header line. */
  public HeaderList add(String name, String value) {
    List<Header> out = new ArrayList<>(entries);
    out.add(new Header(name, value));
    return new HeaderList(out);
  }

  /** A copy where the header has exactly this value. */
  public HeaderList set(String name, String value) {
    return remove(name).add(name, value);
  }

  /** A copy without the header. */
  public HeaderList remove(String name) {
    List<Header> out = new ArrayList<>(entries.size());
    for (Header h : entries) {
      if (!h.name().equalsIgnoreCase(name)) {
        out.add(h);
      }
    }
    return new HeaderList(out);
  }

  /** Lower-case name to values, sorted by name: the shape the JSON result prints. */
  public Map<String, List<String>> asMap() {
    Map<String, List<String>> out = new TreeMap<>();
    for (Header h : entries) {
      out.computeIfAbsent(h.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.value());
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return out;
  }
}
