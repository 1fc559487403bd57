package dev.gwc.cli;

/** The contract's exit codes. */
final class ExitCodes {
  private ExitCodes() {}

  /** Nothing at or above the failing severity. */
  static final int OK = 0;

  /** The input has errors (or an expectation failed, or compiled output is stale). */
  static final int FINDINGS = 1;

  /** Usage error. */
  static final int USAGE = 2;

  /** Unreadable input or internal failure. */
  static final int FAILURE = 2;
}
