package dev.gwc.rules;

import dev.gwc.diag.Rule;
import dev.gwc.diag.Severity;
import dev.gwc.regex.Regex;
import dev.gwc.resource.Manifest;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import dev.gwc.yaml.YSeq;

/**
 * A RegularExpression match (HTTPRoute path, header or query parameter; GRPCRoute service, method
 * or header; an Istio VirtualService's {@code regex} string matches and {@code uriRegexRewrite})
 * whose value is not a valid RE2 pattern.
 */
public final class InvalidRegex implements ResourceCheck {
  static final Rule RULE =
      new Rule(
          "invalid-regex",
          Severity.WARNING,
          "a RegularExpression match is not a valid RE2 pattern",
          "Gateway API HTTPPathMatch, HTTPHeaderMatch, HTTPQueryParamMatch, GRPCMethodMatch"
              + " (RegularExpression: implementation-specific; RE2 in gwc and Envoy-based"
              + " implementations)");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public boolean appliesTo(Manifest m) {
    return (m.group().equals("gateway.networking.k8s.io")
            && (m.kind().equals("HTTPRoute") || m.kind().equals("GRPCRoute")))
        || (m.group().equals("networking.istio.io") && m.kind().equals("VirtualService"));
  }

  @Override
  public void check(Manifest m, Reporter r) {
    if (m.kind().equals("VirtualService")) {
      istio(m, r);
      return;
    }
    YSeq rules = ResourceCheck.specList(m, "rules");
    if (rules == null) {
      return;
    }
    for (int i = 0; i < rules.items().size(); i++) {
      if (!(rules.items().get(i) instanceof YMap rule)
          || !(rule.get("matches") instanceof YSeq matches)) {
        continue;
      }
      for (int j = 0; j < matches.items().size(); j++) {
        if (!(matches.items().get(j) instanceof YMap match)) {
          continue;
        }
        String at = "spec.rules[" + i + "].matches[" + j + "]";
        if (match.get("path") instanceof YMap path) {
          check(path, "value", at + ".path", "path", r);
        }
        if (match.get("method") instanceof YMap method) {
          check(method, "service", at + ".method", "service", r);
          check(method, "method", at + ".method", "method", r);
        }
        list(match, "headers", at, "header", r);
        list(match, "queryParams", at, "query parameter", r);
      }
    }
  }

  private static void list(YMap match, String field, String at, String what, Reporter r) {
    if (!(match.get(field) instanceof YSeq items)) {
      return;
    }
    for (int k = 0; k < items.items().size(); k++) {
      if (items.items().get(k) instanceof YMap item) {
        String name = item.string("name");
        check(
            item,
            "value",
            at + "." + field + "[" + k + "]",
            what + (name == null ? "" : " '" + name + "'"),
            r);
      }
    }
  }

  /** Istio's string matches ({@code {regex: ...}}) and {@code uriRegexRewrite.match}. */
  private static void istio(Manifest m, Reporter r) {
    YSeq http = ResourceCheck.specList(m, "http");
    if (http == null) {
      return;
    }
    for (int i = 0; i < http.items().size(); i++) {
      if (!(http.items().get(i) instanceof YMap rule)) {
        continue;
      }
      String at = "spec.http[" + i + "]";
      if (rule.get("match") instanceof YSeq matches) {
        for (int j = 0; j < matches.items().size(); j++) {
          if (!(matches.items().get(j) instanceof YMap match)) {
            continue;
          }
          String mat = at + ".match[" + j + "]";
          for (String field : new String[] {"uri", "authority", "method", "scheme"}) {
            if (match.get(field) instanceof YMap sm) {
              compile(sm, "regex", mat + "." + field, field, r);
            }
          }
          for (String field : new String[] {"headers", "withoutHeaders", "queryParams"}) {
            if (match.get(field) instanceof YMap conditions) {
              for (var e : conditions.entries()) {
                if (e.value() instanceof YMap sm) {
                  compile(sm, "regex", mat + "." + field + "." + e.name(), "'" + e.name() + "'", r);
                }
              }
            }
          }
        }
      }
      if (rule.get("rewrite") instanceof YMap rw && rw.get("uriRegexRewrite") instanceof YMap rx) {
        compile(rx, "match", at + ".rewrite.uriRegexRewrite", "uriRegexRewrite", r);
      }
    }
  }

  /** Reports {@code field} of a match whose type is RegularExpression when it does not compile. */
  private static void check(YMap match, String field, String at, String what, Reporter r) {
    if (!"RegularExpression".equals(match.string("type"))) {
      return;
    }
    compile(match, field, at, what, r);
  }

  /** Reports {@code field} of a mapping when it holds a pattern that does not compile. */
  private static void compile(YMap match, String field, String at, String what, Reporter r) {
    String pattern = match.string(field);
    if (pattern == null) {
      return;
    }
    try {
      Regex.compile(pattern);
    } catch (Regex.SyntaxException e) {
      YNode node = match.entry(field).value();
      r.report(
          node,
          at + "." + field,
          what
              + " pattern "
              + Regex.quoted(pattern)
              + " is not valid RE2: "
              + e.description()
              + "; gwc simulate leaves the rule out, and RE2-based implementations (Envoy's)"
              + " reject it");
    }
  }
}
