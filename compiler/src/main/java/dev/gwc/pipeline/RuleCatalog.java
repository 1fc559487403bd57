package dev.gwc.pipeline;

import dev.gwc.diag.Rule;
import dev.gwc.graph.GraphRules;
import dev.gwc.istio.IstioRules;
import dev.gwc.resource.ResourceRules;
import dev.gwc.rules.ResourceChecks;
import dev.gwc.validate.ValidateRules;
import dev.gwc.validate.schema.SchemaRules;
import dev.gwc.yaml.YamlRules;
import java.util.ArrayList;
import java.util.List;

/** Every rule gwc can report, in pipeline order; {@code rules/} has one entry for each. */
public final class RuleCatalog {
  private RuleCatalog() {}

  public static List<Rule> all() {
    List<Rule> out = new ArrayList<>();
    out.addAll(YamlRules.all());
    out.addAll(ResourceRules.all());
    out.addAll(ValidateRules.all());
    out.addAll(SchemaRules.all());
    out.addAll(ResourceChecks.rules());
    out.addAll(GraphRules.all());
    out.addAll(IstioRules.all());
    return List.copyOf(out);
  }

  /** The rule with this id, or null. */
  public static Rule find(String id) {
    for (Rule r : all()) {
      if (r.id().equals(id)) {
        return r;
      }
    }
    return null;
  }
}
