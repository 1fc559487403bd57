package dev.gwc.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The lines that explain a decision; when off, lines are never built. */
final class Trace {
  private final List<String> lines;

  private Trace(boolean on) {
    this.lines = on ? new ArrayList<>() : null;
  }

  static Trace on() {
    return new Trace(true);
  }

  private static final Trace OFF = new Trace(false);

  static Trace off() {
    return OFF;
  }

  boolean enabled() {
    return lines != null;
  }

  void add(Supplier<String> line) {
    if (lines != null) {
      lines.add(line.get());
    }
  }

  void add(String line) {
    if (lines != null) {
      lines.add(line);
    }
  }

  List<String> lines() {
    return lines == null ? List.of() : lines;
  }
}
