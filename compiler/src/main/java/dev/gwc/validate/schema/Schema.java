package dev.gwc.validate.schema;

import dev.gwc.regex.Regex;
import dev.gwc.source.SourceSpan;
import java.util.List;
import java.util.Map;

/**
 * One node of a structural OpenAPI v3 schema as Kubernetes applies it to custom resources, with the
 * {@code x-kubernetes-*} extensions that change validation. Immutable; built by {@link CrdReader}.
 * Numbers are kept as the schema wrote them; absent keywords are null or empty.
 */
public final class Schema {
  final String type;
  final Map<String, Schema> properties;

  /**
   * The properties with a default, in declaration order, and their defaults: what an object that
   * lacks them gets, read without walking (and wrapping) every property of every object.
   */
  final String[] defaultedNames;

  final Object[] defaultedValues;

  /**
   * The declared properties whose names CEL rules write escaped, and those escaped names ({@code
   * namespace}, {@code __namespace__}), side by side; empty for most objects.
   */
  final String[] escapedNames;

  final Schema additionalProperties;
  final boolean additionalPropertiesAllowed;
  final Schema items;
  final List<String> required;
  final List<Object> enumValues;
  final String pattern;
  private volatile Regex compiledPattern;
  private volatile String patternError;
  final Long minLength;
  final Long maxLength;
  final Long minItems;
  final Long maxItems;
  final Long minProperties;
  final Long maxProperties;
  final Double minimum;
  final Double maximum;
  final boolean exclusiveMinimum;
  final boolean exclusiveMaximum;
  final Double multipleOf;
  final boolean uniqueItems;
  final String format;
  final boolean nullable;
  final boolean intOrString;
  final boolean preserveUnknownFields;
  final boolean embeddedResource;
  final String listType;
  final List<String> listMapKeys;
  final Object defaultValue;
  final List<Schema> allOf;
  final List<Schema> anyOf;
  final List<Schema> oneOf;
  final Schema not;
  final List<CelRuleSpec> validations;
  final SourceSpan span;

  Schema(Builder b) {
    type = b.type;
    properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(b.properties));
    List<String> escapes = new java.util.ArrayList<>();
    for (String name : b.properties.keySet()) {
      String escaped = dev.gwc.validate.cel.PropertyNames.escaped(name);
      if (escaped != null) {
        escapes.add(name);
        escapes.add(escaped);
      }
    }
    escapedNames = escapes.toArray(new String[0]);
    List<String> names = new java.util.ArrayList<>();
    List<Object> defaults = new java.util.ArrayList<>();
    b.properties.forEach(
        (name, p) -> {
          if (p.defaultValue != null) {
            names.add(name);
            defaults.add(p.defaultValue);
          }
        });
    defaultedNames = names.toArray(new String[0]);
    defaultedValues = defaults.toArray();
    additionalProperties = b.additionalProperties;
    additionalPropertiesAllowed = b.additionalPropertiesAllowed;
    items = b.items;
    required = List.copyOf(b.required);
    enumValues = b.enumValues == null ? null : List.copyOf(b.enumValues);
    pattern = b.pattern;
    minLength = b.minLength;
    maxLength = b.maxLength;
    minItems = b.minItems;
    maxItems = b.maxItems;
    minProperties = b.minProperties;
    maxProperties = b.maxProperties;
    minimum = b.minimum;
    maximum = b.maximum;
    exclusiveMinimum = b.exclusiveMinimum;
    exclusiveMaximum = b.exclusiveMaximum;
    multipleOf = b.multipleOf;
    uniqueItems = b.uniqueItems;
    format = b.format;
    nullable = b.nullable;
    intOrString = b.intOrString;
    preserveUnknownFields = b.preserveUnknownFields;
    embeddedResource = b.embeddedResource;
    listType = b.listType;
    listMapKeys = List.copyOf(b.listMapKeys);
    defaultValue = b.defaultValue;
    allOf = List.copyOf(b.allOf);
    anyOf = List.copyOf(b.anyOf);
    oneOf = List.copyOf(b.oneOf);
    not = b.not;
    validations = List.copyOf(b.validations);
    span = b.span;
  }

  /** The declared type, or null (any type). */
  public String type() {
    return type;
  }

  /** The schema of a named property, or null. */
  public Schema property(String name) {
    return properties.get(name);
  }

  /** Property names, for suggestions. */
  public java.util.Set<String> propertyNames() {
    return properties.keySet();
  }

  /** The schema of a map value ({@code additionalProperties}), or null. */
  public Schema additionalProperties() {
    return additionalProperties;
  }

  /** The schema of array items, or null. */
  public Schema items() {
    return items;
  }

  /** The CEL rules attached here. */
  public List<CelRuleSpec> validations() {
    return validations;
  }

  /** Every CEL rule in this schema and below it, in schema order. */
  public List<CelRuleSpec> allValidations() {
    List<CelRuleSpec> out = new java.util.ArrayList<>();
    collect(this, out, 0);
    return out;
  }

  private static void collect(Schema s, List<CelRuleSpec> out, int depth) {
    if (s == null || depth > 200) {
      return;
    }
    out.addAll(s.validations);
    for (Schema p : s.properties.values()) {
      collect(p, out, depth + 1);
    }
    collect(s.additionalProperties, out, depth + 1);
    collect(s.items, out, depth + 1);
  }

  /** Allowed values, or null. */
  public List<Object> enumValues() {
    return enumValues;
  }

  /** Whether a string matches this schema's pattern (true when it has none that compiles). */
  public boolean patternAllows(String value) {
    Regex p = compiledPattern();
    return p == null || p.find(value);
  }

  /** The compiled RE2 pattern, or null when there is none or it does not compile. */
  Regex compiledPattern() {
    if (pattern == null) {
      return null;
    }
    Regex p = compiledPattern;
    if (p == null && patternError == null) {
      try {
        p = Regex.compile(pattern);
        compiledPattern = p;
      } catch (Regex.SyntaxException e) {
        patternError = e.getMessage();
      }
    }
    return p;
  }

  /** Mutable builder used by the reader only. */
  static final class Builder {
    String type;
    Map<String, Schema> properties = new java.util.LinkedHashMap<>();
    Schema additionalProperties;
    boolean additionalPropertiesAllowed;
    Schema items;
    List<String> required = List.of();
    List<Object> enumValues;
    String pattern;
    Long minLength;
    Long maxLength;
    Long minItems;
    Long maxItems;
    Long minProperties;
    Long maxProperties;
    Double minimum;
    Double maximum;
    boolean exclusiveMinimum;
    boolean exclusiveMaximum;
    Double multipleOf;
    boolean uniqueItems;
    String format;
    boolean nullable;
    boolean intOrString;
    boolean preserveUnknownFields;
    boolean embeddedResource;
    String listType;
    List<String> listMapKeys = List.of();
    Object defaultValue;
    List<Schema> allOf = List.of();
    List<Schema> anyOf = List.of();
    List<Schema> oneOf = List.of();
    Schema not;
    List<CelRuleSpec> validations = List.of();
    SourceSpan span;
  }
}
