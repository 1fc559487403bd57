package dev.gwc.cli;

/** A bad option value, reported in one line with exit code 2. */
final class UsageException extends CommandExit {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(ExitCodes.USAGE, message);
  }
}
