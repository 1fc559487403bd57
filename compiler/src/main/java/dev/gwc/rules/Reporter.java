package dev.gwc.rules;

import dev.gwc.diag.Diagnostic;
import dev.gwc.diag.Rule;
import dev.gwc.resource.Manifest;
import dev.gwc.yaml.YNode;
import java.util.ArrayList;
import java.util.List;

/** How a check reports: it names the node and the message; the reporter owns positions. */
public final class Reporter {
  private final Rule rule;
  private final Manifest manifest;
  private final List<Diagnostic> out = new ArrayList<>();

  Reporter(Rule rule, Manifest manifest) {
    this.rule = rule;
    this.manifest = manifest;
  }

  /**
   * Reports a finding at a node.
   *
   * @param node the offending node
   * @param fieldPath its field path, e.g. {@code spec.listeners[0].tls}
   * @param message a lowercase fragment
   */
  public void report(YNode node, String fieldPath, String message) {
    out.add(rule.at(node.span(), message, manifest.ref(), fieldPath));
  }

  List<Diagnostic> diagnostics() {
    return out;
  }
}
