package dev.gwc.convert;

import dev.gwc.convert.Draft.WeightedBackend;
import dev.gwc.convert.IngressSource.PathRule;
import dev.gwc.convert.NginxSettings.Canary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds a canary Ingress into the primary's paths. ingress-nginx sends a request to the canary when
 * the canary header says {@code always} (or equals canary-by-header-value, or matches
 * canary-by-header-pattern), never when it says {@code never}, and otherwise by weight. In Gateway
 * API terms: a rule with the header match and the canary backend, a rule for {@code never} with the
 * primary backend, and weighted backendRefs on the primary's rule. Header rules win over the
 * primary's rule because more header matches take precedence.
 */
final class CanaryMerger {
  private final GatewayPlan plan;
  private final Notes notes;

  CanaryMerger(GatewayPlan plan, Notes notes) {
    this.plan = plan;
    this.notes = notes;
  }

  void merge(
      IngressSource canary,
      Map<String, Draft> primaries,
      Map<String, IngressSource> owners,
      Map<String, List<Draft>> extra) {
    Canary c = plan.settings(canary).canary();
    if (canary.defaultBackend() != null) {
      notes.warn(
          canary.manifest(),
          canary.manifest().nameSpan(),
          "the defaultBackend of a canary Ingress is not converted; only its paths join their"
              + " primaries");
    }
    for (PathRule p : canary.paths()) {
      String key = p.host() + "|" + (p.pathType().equals("Exact") ? "=" : "~") + p.path();
      Draft primary = primaries.get(key);
      String problem = null;
      if (primary == null) {
        problem = "has no primary Ingress with the same host and path";
      } else if (!owners.get(key).namespace().equals(canary.namespace())) {
        problem = "has its primary in another namespace ('" + owners.get(key).id() + "')";
      } else if (primary.backends().isEmpty()) {
        problem = "has a primary that redirects or has no backend";
      } else if (primary.sources().size() > 1) {
        problem = "has a primary that already has a canary (ingress-nginx allows one)";
      } else if (p.backend() == null) {
        problem = "has no resolvable backend";
      }
      if (problem != null) {
        notes.warn(
            canary.manifest(),
            p.span(),
            "canary path '"
                + p.path()
                + "' of host '"
                + DraftPlanner.hostLabel(p.host())
                + "' "
                + problem
                + "; not converted");
        continue;
      }
      WeightedBackend canaryBackend =
          new WeightedBackend(p.backend().service(), p.backend().port(), null);
      List<WeightedBackend> primaryBackends = primary.backends();
      Set<String> ids = Set.of(canary.id());
      if (c.header() != null) {
        List<Draft> rules = extra.computeIfAbsent(key, k -> new ArrayList<>());
        rules.add(headerRule(primary, c, List.of(canaryBackend), ids));
        if (c.headerValue() == null && c.headerPattern() == null && c.weight() > 0) {
          rules.add(
              headerRule(
                  primary, new Canary(0, 0, c.header(), "never", null), primaryBackends, ids));
        }
      }
      if (c.header() == null || c.weight() > 0) {
        int total = c.total() > 0 ? c.total() : 100;
        int weight = Math.min(Math.max(c.weight(), 0), total);
        List<WeightedBackend> split = new ArrayList<>();
        for (WeightedBackend b : primaryBackends) {
          split.add(new WeightedBackend(b.service(), b.port(), total - weight));
        }
        split.add(new WeightedBackend(canaryBackend.service(), canaryBackend.port(), weight));
        primaries.put(key, primary.withBackends(split, ids));
      }
    }
  }

  /** The primary's rule with one more header match and other backends. */
  private static Draft headerRule(
      Draft primary, Canary c, List<WeightedBackend> backends, Set<String> ids) {
    Map<String, Object> header =
        c.headerPattern() != null
            ? Maps.of("type", "RegularExpression", "name", c.header(), "value", c.headerPattern())
            : Maps.of(
                "type",
                "Exact",
                "name",
                c.header(),
                "value",
                c.headerValue() != null ? c.headerValue() : "always");
    Map<String, Object> match = new java.util.LinkedHashMap<>(primary.match());
    match.put("headers", List.of(header));
    return primary.withMatch(match).withBackends(backends, ids);
  }
}
