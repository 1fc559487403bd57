package dev.gwc.cli;

import dev.gwc.convert.Conversion;
import dev.gwc.convert.Converter;
import dev.gwc.migrate.Comparison;
import dev.gwc.migrate.Probes;
import dev.gwc.output.CompareJson;
import dev.gwc.output.CompareText;
import dev.gwc.output.Values;
import dev.gwc.pipeline.Compiler;
import dev.gwc.pipeline.Options;
import dev.gwc.pipeline.Report;
import dev.gwc.source.Input;
import dev.gwc.source.Inputs;
import dev.gwc.traffic.RequestFile;
import dev.gwc.traffic.RequestSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gwc simulate --compare OLD... PATH...}: the migration check. OLD is routed as it is
 * (Ingresses as ingress-nginx, Gateway API as Gateway API), PATH as simulate routes it (with {@code
 * --convert}, its Ingresses converted first); generated probes and the requests of {@code
 * --requests} go through both, and every request that lands differently is reported.
 */
final class SimulateCompare {
  private final SimulateCommand cmd;
  private int unreadableLines;

  SimulateCompare(SimulateCommand cmd) {
    this.cmd = cmd;
  }

  int run() {
    Options options;
    List<Probes.Probe> extra;
    try {
      options = cmd.common.toOptions();
      if (!cmd.flags.format.equals("text") && !cmd.flags.format.equals("json")) {
        throw new UsageException("unknown --format '" + cmd.flags.format + "'; use text or json");
      }
      if (cmd.flags.request != null
          || cmd.flags.expect != null
          || !cmd.flags.headers.isEmpty()
          || cmd.flags.gateway != null) {
        throw new UsageException(
            "--compare replays generated probes and --requests FILE; --request, -H, --expect and"
                + " --gateway do not go with it");
      }
      extra = requests();
    } catch (UsageException e) {
      cmd.parent.err.println("gwc simulate: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    try {
      List<Input> oldInputs = Inputs.collect(cmd.flags.compare);
      List<Input> newInputs = Inputs.collect(cmd.common.paths);
      boolean usesStdin =
          oldInputs.stream().anyMatch(i -> i.path() == null)
              || newInputs.stream().anyMatch(i -> i.path() == null);
      byte[] stdin = usesStdin ? Input.readStdin(cmd.parent.in) : new byte[0];
      // Routing reads routes, Gateways and Ingresses only: keep just those whole.
      Report old =
          Compiler.create(options, new ByteArrayInputStream(stdin))
              .compileRoutes(oldInputs, new ByteArrayInputStream(stdin));
      ConvertedInputs.CompiledSet set =
          ConvertedInputs.compile(
              newInputs, new ByteArrayInputStream(stdin), options, cmd.flags.convert, true);
      Report now = set.report();
      Conversion converted = set.conversion();
      // The notifications that announce differences are the old set's; when the new set is the old
      // one converted, its conversion has them already.
      Conversion notes =
          converted != null && names(oldInputs).equals(names(newInputs))
              ? converted
              : Converter.convert(
                  oldInputs, new ByteArrayInputStream(stdin), ConvertedInputs.nginx(options));
      Comparison.Report report =
          Comparison.of(old, now, cmd.flags.convert, extra, notes.notifications(), cmd.flags.seed);
      if (cmd.flags.format.equals("json")) {
        cmd.parent.out.println(Values.json(CompareJson.of(report)));
      } else {
        cmd.parent.out.print(CompareText.of(report, "old", "new"));
      }
      cmd.parent.out.flush();
      return report.differences().isEmpty() && unreadableLines == 0
          ? ExitCodes.OK
          : ExitCodes.FINDINGS;
    } catch (IOException e) {
      cmd.parent.err.println("gwc simulate: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
  }

  private static List<String> names(List<Input> inputs) {
    return inputs.stream().map(Input::name).toList();
  }

  private List<Probes.Probe> requests() throws UsageException {
    if (cmd.flags.requests == null) {
      return List.of();
    }
    List<RequestFile.Entry> entries;
    try {
      entries = RequestSource.file(cmd.flags.requests, cmd.flags.logFormat.equals("combined"));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    List<Probes.Probe> out = new ArrayList<>();
    for (RequestFile.Entry e : entries) {
      if (e.readable()) {
        out.add(Probes.Probe.given(e.request(), cmd.flags.requests + ":" + e.line()));
      } else {
        unreadableLines++;
        cmd.parent.err.println(
            "gwc simulate: "
                + cmd.flags.requests
                + ":"
                + e.line()
                + ": "
                + e.error()
                + " (not sent)");
      }
    }
    return out;
  }
}
