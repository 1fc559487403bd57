package dev.gwc.sim;

import dev.gwc.pipeline.Compiler;
import dev.gwc.pipeline.Options;
import dev.gwc.source.Inputs;
import dev.gwc.table.RoutingTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/** The routing table of a manifest file, compiled as `gwc compile` would (Gateway API 1.6.1). */
final class TestTables {
  private TestTables() {}

  static RoutingTable of(Path file) throws IOException {
    InputStream none = InputStream.nullInputStream();
    return RoutingTable.build(
        Compiler.create(new Options("1.6.1", "standard", List.of(), "default", false), none)
            .compile(Inputs.collect(List.of(file.toString())), none));
  }
}
