package dev.gwc.cli;

import dev.gwc.validate.schema.Bundle;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code gwc -V} and {@code gwc COMMAND -V}: the version and the commit it was built from ({@code
 * gwc 0.2.0 (abc1234)}), and the bundled Gateway API releases.
 */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "gwc " + version(), "bundled Gateway API releases: " + String.join(", ", Bundle.releases())
    };
  }

  /** {@code 0.2.0 (abc1234)}; without the commit when the build had no git checkout. */
  static String version() {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("/gwc/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // a jar without the file is a development build
    }
    String version = known(p.getProperty("version"));
    String commit = known(p.getProperty("commit"));
    return (version == null ? "dev" : version) + (commit == null ? "" : " (" + commit + ")");
  }

  /** The value, or null when the build left its placeholder in place. */
  private static String known(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? null : value.strip();
  }
}
