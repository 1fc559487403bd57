package dev.gwc.cli;

import dev.gwc.migrate.Comparison;
import dev.gwc.migrate.Probes;
import dev.gwc.output.CompareJson;
import dev.gwc.output.CompareText;
import dev.gwc.output.Values;
import dev.gwc.pipeline.Options;
import dev.gwc.source.Inputs;
import dev.gwc.table.IngressScope;
import dev.gwc.traffic.RequestFile;
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
  private static final String NAME = "gwc simulate";

  private final SimulateCommand cmd;

  SimulateCompare(SimulateCommand cmd) {
    this.cmd = cmd;
  }

  int run() {
    SimulateFlags flags = cmd.flags;
    try {
      Options options = cmd.common.toOptions();
      flags.checkProvider();
      if (!flags.format.equals("text") && !flags.format.equals("json")) {
        throw new UsageException("unknown --format '" + flags.format + "'; use text or json");
      }
      if (flags.request != null
          || flags.expect != null
          || !flags.headers.isEmpty()
          || flags.gateway != null) {
        throw new UsageException(
            "--compare replays generated probes and --requests FILE; --request, -H, --expect and"
                + " --gateway do not go with it");
      }
      List<RequestFile.Entry> lines =
          flags.requests == null ? List.of() : flags.file(flags.requests);
      List<Probes.Probe> extra = given(lines);
      ConvertedInputs.ComparedSets sets;
      try {
        sets =
            ConvertedInputs.compared(
                Inputs.collect(flags.compare),
                Inputs.collect(cmd.common.paths),
                cmd.parent.in,
                options,
                flags.converting());
      } catch (IOException e) {
        throw CommandExit.failure(e);
      }
      Comparison.Report report =
          Comparison.of(
              sets.old(),
              sets.now(),
              flags.converting(),
              extra,
              sets.notes(),
              flags.seed.seed,
              new IngressScope(flags.ingress.ingressClasses, options.complete()));
      if (flags.format.equals("json")) {
        cmd.parent.out.println(Values.json(CompareJson.of(report)));
      } else {
        cmd.parent.out.print(CompareText.of(report, "old", "new"));
      }
      cmd.parent.out.flush();
      boolean unreadable = lines.stream().anyMatch(e -> !e.readable());
      return report.differences().isEmpty() && !unreadable ? ExitCodes.OK : ExitCodes.FINDINGS;
    } catch (CommandExit e) {
      return e.report(cmd.parent.err, NAME);
    }
  }

  /** The readable lines of --requests as probes; each unreadable one named on standard error. */
  private List<Probes.Probe> given(List<RequestFile.Entry> lines) {
    List<Probes.Probe> out = new ArrayList<>();
    for (RequestFile.Entry e : lines) {
      String where = cmd.flags.requests + ":" + e.line();
      if (e.readable()) {
        out.add(Probes.Probe.given(e.request(), where));
      } else {
        cmd.parent.err.println(NAME + ": " + where + ": " + e.error() + " (not sent)");
      }
    }
    return out;
  }
}
