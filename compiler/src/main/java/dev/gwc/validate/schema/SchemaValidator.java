package dev.gwc.validate.schema;

import dev.gwc.diag.Diagnostic;
import dev.gwc.diag.ResourceRef;
import dev.gwc.source.SourceSpan;
import dev.gwc.validate.cel.CelEngine;
import dev.gwc.yaml.Plain;
import dev.gwc.yaml.ScalarResolver;
import dev.gwc.yaml.YEntry;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import dev.gwc.yaml.YScalar;
import dev.gwc.yaml.YSeq;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The schema and CEL layers: walks a manifest against its structural schema the way the API server
 * does, and evaluates the CEL rules once the walk is done.
 *
 * <p>It consumes the positioned tree of one resource and the schema of its kind and version. It
 * reports type, enum, pattern, bound, format and required-field violations, unknown fields (with a
 * suggestion, or the note that the field is experimental-only), duplicate list-map keys, and failed
 * CEL rules, each on the node it concerns. As the API server does, null values of non-nullable
 * fields are dropped, defaults are applied and unknown fields pruned before a CEL rule sees {@code
 * self}; no rule runs once the object has a finding the API server treats as blocking (see {@link
 * ValidationContext#celBlocked}).
 */
public final class SchemaValidator {
  /** Marks a field dropped from the value (null on a non-nullable field). */
  private static final Object ABSENT = new Object();

  private final CelEngine cel;
  private final Schema metadataSchema;

  /**
   * Creates a validator.
   *
   * @param cel the CEL engine (shared, thread-safe)
   * @param metadataSchema the schema of ObjectMeta, used for {@code metadata} at the root
   */
  public SchemaValidator(CelEngine cel, Schema metadataSchema) {
    this.cel = cel;
    this.metadataSchema = metadataSchema;
  }

  /**
   * Validates one resource.
   *
   * @param root the resource's root mapping
   * @param schema the root schema of its kind and version
   * @param resource who it is, for diagnostics
   * @param experimentalRoot the experimental channel's root schema of the same kind and version, or
   *     null when already validating against the experimental channel
   * @param release a label such as {@code Gateway API 1.6.1} for messages
   * @param noticesGiven keys of once-per-run notices, shared across resources
   * @param metadataBlocksRules whether the object's metadata already has a finding that keeps CEL
   *     rules from running (a missing name)
   */
  /**
   * What the schema and CEL layers produced for one resource.
   *
   * @param diagnostics the findings
   * @param value the resource as the API server would store it: defaults applied, unknown fields
   *     and nulls of non-nullable fields dropped (CEL values; see {@link CelEngine#plainCopy})
   */
  public record Result(List<Diagnostic> diagnostics, Object value) {}

  public Result validate(
      YMap root,
      Schema schema,
      ResourceRef resource,
      Supplier<Schema> experimentalRoot,
      String release,
      Set<String> noticesGiven,
      boolean metadataBlocksRules) {
    ValidationContext ctx =
        new ValidationContext(resource, experimentalRoot, release, noticesGiven);
    ctx.celBlocked = metadataBlocksRules;
    Object value = walk(root, schema, FieldPath.ROOT, ctx, null);
    if (root.get("metadata") instanceof YMap metadata) {
      QualifiedNames.check(metadata, FieldPath.ROOT.child("metadata"), ctx);
    }
    CelChecks.runAll(cel, root.span(), ctx);
    return new Result(ctx.diagnostics, value);
  }

  /**
   * Validates a node and returns its value for CEL.
   *
   * @param key the key whose value the node is, or null for the root and list items; a field's null
   *     is dropped rather than rejected, and findings about the whole object point at its key
   */
  private Object walk(YNode node, Schema s, FieldPath path, ValidationContext ctx, YScalar key) {
    if (node instanceof YScalar sc && sc.isNull()) {
      if (s.nullable) {
        return CelEngine.NULL;
      }
      if (key != null) {
        return ABSENT; // the API server drops nulls of non-nullable fields, then defaults them
      }
    }
    if (!TypeCheck.fits(node, s)) {
      ctx.reportBlocking(SchemaRules.SCHEMA, node.span(), TypeCheck.mismatch(node, s), path);
      return CrdReader.celValue(Plain.of(node));
    }
    Object value;
    if (node instanceof YMap m) {
      value = object(m, s, path, ctx, key == null ? m.span() : key.span());
    } else if (node instanceof YSeq seq) {
      value = array(seq, s, path, ctx);
    } else {
      YScalar sc = (YScalar) node;
      value = sc.isNull() ? CelEngine.NULL : sc.value();
      ScalarChecks.check(sc, s, path, ctx);
    }
    ValueMatcher.check(node, value, s, path, ctx);
    if (!s.validations.isEmpty()) {
      // A rule about a whole object or list reads best at the key that holds it.
      SourceSpan at = key != null && !(node instanceof YScalar) ? key.span() : node.span();
      ctx.pendingRules.add(new ValidationContext.PendingRules(node, at, value, s, path));
    }
    return value;
  }

  private Object object(YMap m, Schema s, FieldPath path, ValidationContext ctx, SourceSpan owner) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<YEntry> entries = m.entries();
    for (int i = 0; i < entries.size(); i++) { // no iterator per object (C1 keeps them)
      YEntry e = entries.get(i);
      String name = e.name();
      Schema ps = s.properties.get(name);
      if (path.parent() == null && name.equals("metadata") && metadataSchema != null) {
        ps =
            metadataSchema; // CRDs leave metadata to the API server, which checks ObjectMeta itself
      }
      if (ps == null) {
        ps = s.additionalProperties;
      }
      if (ps == null
          && path.parent() == null
          && (name.equals("apiVersion") || name.equals("kind"))) {
        // Every object has them, whether or not its CRD's schema lists them (Istio's do not).
        out.put(name, CrdReader.celValue(Plain.of(e.value())));
        continue;
      }
      if (ps == null) {
        if (s.preserveUnknownFields
            || s.additionalPropertiesAllowed
            || (s.embeddedResource
                && (name.equals("apiVersion") || name.equals("kind") || name.equals("metadata")))) {
          out.put(name, CrdReader.celValue(Plain.of(e.value())));
        } else {
          UnknownFields.report(e, s, path, ctx);
        }
        continue;
      }
      Object v = walk(e.value(), ps, path.child(name), ctx, e.key());
      if (v != ABSENT) {
        out.put(name, v);
      }
    }
    for (int i = 0; i < s.defaultedNames.length; i++) {
      if (!out.containsKey(s.defaultedNames[i])) {
        out.put(s.defaultedNames[i], s.defaultedValues[i]);
      }
    }
    for (String r : s.required) {
      if (!out.containsKey(r)) {
        ctx.reportBlocking(
            SchemaRules.SCHEMA,
            owner,
            "Required value: missing required field '" + r + "'",
            path.child(r));
      }
    }
    if (s.minProperties != null && out.size() < s.minProperties) {
      ctx.report(
          SchemaRules.SCHEMA,
          owner,
          "Invalid value: "
              + out.size()
              + ": should have at least "
              + s.minProperties
              + " properties",
          path);
    }
    if (s.maxProperties != null && out.size() > s.maxProperties) {
      ctx.reportBlocking(
          SchemaRules.SCHEMA,
          owner,
          "Too many: " + out.size() + ": must have at most " + s.maxProperties + " items",
          path);
    }
    escapeProperties(out, s);
    return CelEngine.mapValue(out);
  }

  /**
   * Adds, for each declared property whose name a rule must write escaped ({@code namespace} as
   * {@code __namespace__}), the escaped name with the same value, which is where rules read it;
   * {@link CelEngine#plainCopy} leaves these out again.
   */
  private static void escapeProperties(Map<String, Object> out, Schema s) {
    String[] names = s.escapedNames;
    for (int i = 0; i < names.length; i += 2) {
      Object v = out.get(names[i]);
      if (v != null && !out.containsKey(names[i + 1])) {
        out.put(names[i + 1], v);
      }
    }
  }

  private Object array(YSeq seq, Schema s, FieldPath path, ValidationContext ctx) {
    List<Object> out = new ArrayList<>(seq.items().size());
    List<YNode> items = seq.items();
    for (int i = 0; i < items.size(); i++) {
      YNode item = items.get(i);
      Object v =
          s.items == null
              ? CrdReader.celValue(Plain.of(item))
              : walk(item, s.items, path.index(i), ctx, null);
      out.add(v);
    }
    int n = items.size();
    if (s.minItems != null && n < s.minItems) {
      ctx.report(
          SchemaRules.SCHEMA,
          seq.span(),
          "Invalid value: " + n + ": should have at least " + s.minItems + " items",
          path);
    }
    if (s.maxItems != null && n > s.maxItems) {
      ctx.reportBlocking(
          SchemaRules.SCHEMA,
          seq.span(),
          "Too many: " + n + ": must have at most " + s.maxItems + " items",
          path);
    }
    if ("map".equals(s.listType) && !s.listMapKeys.isEmpty()) {
      uniqueBy(items, out, path, ctx, s.listMapKeys);
    } else if ("set".equals(s.listType) || s.uniqueItems) {
      uniqueBy(items, out, path, ctx, null);
    }
    return CelEngine.listValue(out);
  }

  private static void uniqueBy(
      List<YNode> items,
      List<Object> values,
      FieldPath path,
      ValidationContext ctx,
      List<String> keys) {
    Map<Object, Integer> seen = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      Object key;
      if (keys == null) {
        key = CelEngine.plainCopy(v); // CEL map values compare by identity
      } else if (v instanceof Map<?, ?> map) {
        List<Object> tuple = new ArrayList<>();
        for (String k : keys) {
          tuple.add(map.get(k));
        }
        key = tuple;
      } else {
        continue;
      }
      Integer first = seen.putIfAbsent(key, i);
      if (first != null) {
        String what =
            keys == null
                ? "duplicate value " + Render.value(v)
                : "duplicate entry " + Render.keyTuple(keys, (List<?>) key);
        ctx.report(
            SchemaRules.DUPLICATE_ENTRY,
            items.get(i).span(),
            what + " (same as item " + first + ")",
            path.index(i));
      }
    }
  }

  /** Whether a plain scalar's text reads as a boolean only under YAML 1.1. */
  static boolean yaml11Boolean(YScalar s) {
    return s.plain() && ScalarResolver.isYaml11Boolean(s.text());
  }
}
