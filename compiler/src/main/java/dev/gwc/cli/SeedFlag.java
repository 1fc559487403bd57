package dev.gwc.cli;

import picocli.CommandLine.Option;

/** {@code --seed}: the seed of the weighted backend choice, for simulate and serve alike. */
final class SeedFlag {
  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "0",
      description = "Seed of the weighted backend choice (default: ${DEFAULT-VALUE}).")
  long seed;
}
