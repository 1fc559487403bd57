package dev.gwc.output;

import dev.gwc.diag.Severity;

/** The one place where gwc severities map to other tools' levels. */
final class Levels {
  private Levels() {}

  /** SARIF result level. */
  static String sarif(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /** GitHub Actions workflow command. */
  static String github(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "notice";
    };
  }
}
