package dev.gwc.cli;

import java.io.InputStream;
import java.io.PrintWriter;

/**
 * What a subcommand reads and writes: standard input, output and error. {@link GwcCommand} is one;
 * a subcommand that takes its parent as {@code Streams} does not depend on the command that lists
 * it.
 */
interface Streams {
  PrintWriter out();

  PrintWriter err();

  InputStream in();
}
