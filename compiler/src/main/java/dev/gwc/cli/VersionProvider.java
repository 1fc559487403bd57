package dev.gwc.cli;

import dev.gwc.validate.schema.Bundle;
import picocli.CommandLine.IVersionProvider;

/** Prints gwc's version and the bundled Gateway API releases. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = GwcCommand.class.getPackage().getImplementationVersion();
    return new String[] {
      "gwc " + (v == null ? "dev" : v),
      "bundled Gateway API releases: " + String.join(", ", Bundle.releases())
    };
  }
}
