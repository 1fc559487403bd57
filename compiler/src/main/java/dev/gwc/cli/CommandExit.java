package dev.gwc.cli;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * A command that ends before its work is done: the message for standard error and the exit code.
 * Thrown by the steps a command is made of, so that the command itself reads as the steps.
 */
class CommandExit extends Exception {
  private static final long serialVersionUID = 1L;

  private final int code;

  CommandExit(int code, String message) {
    super(message);
    this.code = code;
  }

  /** An input or output that could not be read or written: exit 2 with the reason. */
  static CommandExit failure(IOException e) {
    return new CommandExit(ExitCodes.FAILURE, String.valueOf(e.getMessage()));
  }

  /** Prints each line of the message as {@code COMMAND: line} and returns the exit code. */
  int report(PrintWriter err, String command) {
    getMessage().lines().forEach(line -> err.println(command + ": " + line));
    err.flush();
    return code;
  }
}
