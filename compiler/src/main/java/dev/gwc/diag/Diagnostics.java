package dev.gwc.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** An immutable, sorted set of diagnostics with the counts every renderer and exit code needs. */
public final class Diagnostics {
  private final List<Diagnostic> items;

  private Diagnostics(List<Diagnostic> items) {
    this.items = items;
  }

  /** Sorts once, in {@link Diagnostic#ORDER}, and drops exact duplicates. */
  public static Diagnostics of(Collection<Diagnostic> all) {
    List<Diagnostic> sorted = new ArrayList<>(all);
    sorted.sort(Diagnostic.ORDER);
    List<Diagnostic> unique = new ArrayList<>(sorted.size());
    for (Diagnostic d : sorted) {
      if (unique.isEmpty() || !unique.get(unique.size() - 1).equals(d)) {
        unique.add(d);
      }
    }
    return new Diagnostics(List.copyOf(unique));
  }

  public List<Diagnostic> all() {
    return items;
  }

  /** How many diagnostics have exactly this severity. */
  public int count(Severity s) {
    int n = 0;
    for (Diagnostic d : items) {
      if (d.severity() == s) {
        n++;
      }
    }
    return n;
  }

  public boolean hasErrors() {
    return count(Severity.ERROR) > 0;
  }

  /** Whether any diagnostic is at or above {@code threshold}. */
  public boolean anyAtLeast(Severity threshold) {
    for (Diagnostic d : items) {
      if (d.severity().atLeast(threshold)) {
        return true;
      }
    }
    return false;
  }
}
