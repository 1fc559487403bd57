package dev.gwc.diag;

import java.util.ArrayList;
import java.util.List;

/** Collects diagnostics while one stage runs over one input; not shared between threads. */
public final class DiagnosticSink {
  private final List<Diagnostic> items = new ArrayList<>();

  public void add(Diagnostic d) {
    items.add(d);
  }

  public void addAll(List<Diagnostic> ds) {
    items.addAll(ds);
  }

  public List<Diagnostic> items() {
    return List.copyOf(items);
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  public int size() {
    return items.size();
  }
}
