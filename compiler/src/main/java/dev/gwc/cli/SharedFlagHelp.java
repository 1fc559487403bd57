package dev.gwc.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A command's own wording of the flags every command shares ({@link CommonOptions}): what the input
 * paths are for, and what {@code --complete} or {@code --allow-empty} change in its output.
 */
interface SharedFlagHelp {
  /** Flag name ({@code PATH} for the input paths) to its description for this command. */
  Map<String, String> sharedFlagHelp();

  /** {@link #apply} to a command and to its subcommands ({@code gwc add listener}). */
  static void applyAll(CommandLine command) {
    apply(command);
    command.getSubcommands().values().forEach(SharedFlagHelp::applyAll);
  }

  /** Puts a command's wording in place of the shared one, when the command has its own. */
  static void apply(CommandLine command) {
    if (!(command.getCommand() instanceof SharedFlagHelp own)) {
      return;
    }
    CommandSpec spec = command.getCommandSpec();
    own.sharedFlagHelp()
        .forEach(
            (name, text) -> {
              ArgSpec old = find(spec, name);
              if (old == null) {
                throw new IllegalStateException(spec.name() + " has no shared flag " + name);
              }
              spec.remove(old);
              if (old instanceof OptionSpec o) {
                spec.addOption(o.toBuilder().description(text).build());
              } else if (old instanceof PositionalParamSpec p) {
                spec.addPositional(p.toBuilder().description(text).build());
              }
            });
  }

  private static ArgSpec find(CommandSpec spec, String name) {
    if (name.equals("PATH")) {
      return spec.positionalParameters().stream()
          .filter(p -> p.paramLabel().equals("PATH"))
          .findFirst()
          .orElse(null);
    }
    return spec.findOption(name);
  }
}
