package dev.gwc.rules;

import dev.gwc.diag.Diagnostic;
import dev.gwc.diag.Rule;
import dev.gwc.resource.Manifest;
import java.util.ArrayList;
import java.util.List;

/** Runs every built-in {@link ResourceCheck} on a manifest. */
public final class ResourceChecks {
  private static final List<ResourceCheck> CHECKS =
      List.of(new CertificateRefsIgnoredWithPassthrough(), new InvalidRegex());

  private ResourceChecks() {}

  /** The rules of every built-in check. */
  public static List<Rule> rules() {
    List<Rule> out = new ArrayList<>();
    for (ResourceCheck c : CHECKS) {
      out.add(c.rule());
    }
    return out;
  }

  /** Runs the checks that apply to the manifest. */
  public static List<Diagnostic> run(Manifest m) {
    List<Diagnostic> out = new ArrayList<>();
    for (ResourceCheck c : CHECKS) {
      if (c.appliesTo(m)) {
        Reporter r = new Reporter(c.rule(), m);
        c.check(m, r);
        out.addAll(r.diagnostics());
      }
    }
    return out;
  }
}
