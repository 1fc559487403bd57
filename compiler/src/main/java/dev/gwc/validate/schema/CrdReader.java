package dev.gwc.validate.schema;

import dev.gwc.diag.Diagnostic;
import dev.gwc.diag.ResourceRef;
import dev.gwc.regex.Regex;
import dev.gwc.validate.cel.CelEngine;
import dev.gwc.yaml.Plain;
import dev.gwc.yaml.YEntry;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import dev.gwc.yaml.YScalar;
import dev.gwc.yaml.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CustomResourceDefinition documents into {@link Crd}s. Used for the bundled schemas and for
 * the user's {@code --crds}; problems with a user's CRD are reported as diagnostics on the CRD
 * file.
 */
public final class CrdReader {
  private final String origin;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final List<YNode> patterns = new ArrayList<>();

  /**
   * Creates a reader.
   *
   * @param origin a label saying where CRDs come from, shown in messages
   */
  public CrdReader(String origin) {
    this.origin = origin;
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /**
   * The {@code pattern}s read so far that are not valid RE2, each at its line: the API server
   * refuses such a CRD, and gwc would otherwise check no value against them. (For a user's CRDs;
   * the bundled ones are known good, and compiling all their patterns up front would cost start-up
   * time.)
   */
  public List<Diagnostic> patternProblems() {
    List<Diagnostic> out = new ArrayList<>();
    for (YNode n : patterns) {
      String pattern = text(n);
      if (pattern == null) {
        continue;
      }
      try {
        Regex.compile(pattern);
      } catch (Regex.SyntaxException e) {
        out.add(
            SchemaRules.CRD_INVALID.at(
                n.span(),
                "pattern '"
                    + pattern
                    + "' is not a valid RE2 regular expression ("
                    + e.description()
                    + "): the API server refuses this CRD, and no value is checked against it",
                ResourceRef.NONE,
                null));
      }
    }
    return out;
  }

  /** Whether a document is a CRD at all. */
  public static boolean isCrd(YNode root) {
    return root instanceof YMap m
        && "CustomResourceDefinition".equals(m.string("kind"))
        && m.string("apiVersion") != null
        && m.string("apiVersion").startsWith("apiextensions.k8s.io/");
  }

  /** Reads one CRD document; returns null (with a diagnostic) when it is not usable. */
  public Crd read(YMap root) {
    YMap spec = root.get("spec") instanceof YMap s ? s : null;
    YMap names = spec != null && spec.get("names") instanceof YMap n ? n : null;
    if (spec == null
        || names == null
        || spec.string("group") == null
        || names.string("kind") == null) {
      problem(root, "CustomResourceDefinition needs spec.group and spec.names.kind");
      return null;
    }
    List<CrdVersion> versions = new ArrayList<>();
    Schema shared = null;
    if (spec.get("validation") instanceof YMap v && v.get("openAPIV3Schema") != null) {
      shared = schema(v.get("openAPIV3Schema"), 0);
    }
    if (spec.get("versions") instanceof YSeq seq) {
      for (YNode item : seq.items()) {
        if (!(item instanceof YMap vm) || vm.string("name") == null) {
          problem(item, "a CRD version needs a name");
          continue;
        }
        Schema schema = shared;
        if (vm.get("schema") instanceof YMap sm && sm.get("openAPIV3Schema") != null) {
          schema = schema(sm.get("openAPIV3Schema"), 0);
        }
        versions.add(
            new CrdVersion(
                vm.string("name"),
                bool(vm.get("served"), true),
                bool(vm.get("deprecated"), false),
                schema));
      }
    }
    return new Crd(
        spec.string("group"),
        names.string("kind"),
        names.string("listKind"),
        !"Cluster".equals(spec.string("scope")),
        versions,
        origin);
  }

  private static boolean bool(YNode n, boolean dflt) {
    return n instanceof YScalar s && s.value() instanceof Boolean b ? b : dflt;
  }

  private void problem(YNode at, String message) {
    diagnostics.add(SchemaRules.CRD_INVALID.at(at.span(), message, ResourceRef.NONE, null));
  }

  Schema schema(YNode node, int depth) {
    Schema.Builder b = new Schema.Builder();
    if (!(node instanceof YMap m) || depth > 100) {
      if (node != null) {
        problem(node, "a schema must be an object");
      }
      b.span = node == null ? null : node.span();
      return new Schema(b);
    }
    b.span = m.span();
    for (YEntry e : m.entries()) {
      YNode v = e.value();
      switch (e.name()) {
        case "type" -> b.type = text(v);
        case "properties" -> {
          if (v instanceof YMap props) {
            Map<String, Schema> ps = new LinkedHashMap<>();
            for (YEntry p : props.entries()) {
              ps.put(p.name(), schema(p.value(), depth + 1));
            }
            b.properties = ps;
          }
        }
        case "additionalProperties" -> {
          if (v instanceof YMap) {
            b.additionalProperties = schema(v, depth + 1);
          } else {
            b.additionalPropertiesAllowed = bool(v, false);
          }
        }
        case "items" -> b.items = schema(v, depth + 1);
        case "required" -> b.required = strings(v);
        case "enum" -> b.enumValues = Plain.of(v) instanceof List<?> l ? new ArrayList<>(l) : null;
        case "pattern" -> {
          b.pattern = text(v);
          patterns.add(v);
        }
        case "minLength" -> b.minLength = integer(v);
        case "maxLength" -> b.maxLength = integer(v);
        case "minItems" -> b.minItems = integer(v);
        case "maxItems" -> b.maxItems = integer(v);
        case "minProperties" -> b.minProperties = integer(v);
        case "maxProperties" -> b.maxProperties = integer(v);
        case "minimum" -> b.minimum = number(v);
        case "maximum" -> b.maximum = number(v);
        case "exclusiveMinimum" -> b.exclusiveMinimum = bool(v, false);
        case "exclusiveMaximum" -> b.exclusiveMaximum = bool(v, false);
        case "multipleOf" -> b.multipleOf = number(v);
        case "uniqueItems" -> b.uniqueItems = bool(v, false);
        case "format" -> b.format = text(v);
        case "nullable" -> b.nullable = bool(v, false);
        case "x-kubernetes-int-or-string" -> b.intOrString = bool(v, false);
        case "x-kubernetes-preserve-unknown-fields" -> b.preserveUnknownFields = bool(v, false);
        case "x-kubernetes-embedded-resource" -> b.embeddedResource = bool(v, false);
        case "x-kubernetes-list-type" -> b.listType = text(v);
        case "x-kubernetes-list-map-keys" -> b.listMapKeys = strings(v);
        case "default" -> b.defaultValue = celValue(Plain.of(v));
        case "allOf" -> b.allOf = schemas(v, depth);
        case "anyOf" -> b.anyOf = schemas(v, depth);
        case "oneOf" -> b.oneOf = schemas(v, depth);
        case "not" -> b.not = schema(v, depth + 1);
        case "x-kubernetes-validations" -> b.validations = rules(v);
        default -> {
          // description, example, title, x-kubernetes-map-type and the like do not validate
        }
      }
    }
    return new Schema(b);
  }

  private List<Schema> schemas(YNode v, int depth) {
    List<Schema> out = new ArrayList<>();
    if (v instanceof YSeq seq) {
      for (YNode item : seq.items()) {
        out.add(schema(item, depth + 1));
      }
    }
    return out;
  }

  private List<CelRuleSpec> rules(YNode v) {
    List<CelRuleSpec> out = new ArrayList<>();
    if (!(v instanceof YSeq seq)) {
      return out;
    }
    for (YNode item : seq.items()) {
      if (!(item instanceof YMap r) || r.string("rule") == null) {
        problem(item, "an x-kubernetes-validations entry needs a rule");
        continue;
      }
      out.add(
          new CelRuleSpec(
              r.string("rule"),
              r.string("message"),
              r.string("messageExpression"),
              r.string("fieldPath"),
              r.string("reason"),
              bool(r.get("optionalOldSelf"), false),
              r.get("rule").span()));
    }
    return out;
  }

  /** Converts a plain YAML value to the value CEL and the validator work with. */
  static Object celValue(Object plain) {
    if (plain == YScalar.NULL) {
      return CelEngine.NULL;
    }
    if (plain instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, val) -> out.put((String) k, celValue(val)));
      return CelEngine.mapValue(out);
    }
    if (plain instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(x -> out.add(celValue(x)));
      return CelEngine.listValue(out);
    }
    return plain;
  }

  private static String text(YNode v) {
    return v instanceof YScalar s && !s.isNull() ? s.text() : null;
  }

  private static Long integer(YNode v) {
    return v instanceof YScalar s && s.value() instanceof Long l ? l : null;
  }

  private static Double number(YNode v) {
    if (v instanceof YScalar s && s.value() instanceof Number n) {
      return n.doubleValue();
    }
    return null;
  }

  private static List<String> strings(YNode v) {
    List<String> out = new ArrayList<>();
    if (v instanceof YSeq seq) {
      for (YNode item : seq.items()) {
        if (item instanceof YScalar s) {
          out.add(s.text());
        }
      }
    }
    return out;
  }
}
