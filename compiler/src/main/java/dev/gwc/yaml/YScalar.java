package dev.gwc.yaml;

import dev.gwc.source.SourceSpan;

/**
 * A scalar with its resolved value and its source text.
 *
 * @param span where the scalar starts
 * @param value resolved value: String, Long, Double, Boolean, or {@link #NULL}
 * @param text the scalar as written (without quotes)
 * @param plain whether it was unquoted (plain style); only plain scalars are resolved to
 *     non-strings
 */
public record YScalar(SourceSpan span, Object value, String text, boolean plain) implements YNode {
  /** The value of YAML null, distinct from Java null so that maps can hold it. */
  public static final Object NULL =
      new Object() {
        @Override
        public String toString() {
          return "null";
        }
      };

  public YScalar {
    if (value == null) {
      throw new IllegalArgumentException("use YScalar.NULL for null");
    }
  }

  public boolean isNull() {
    return value == NULL;
  }

  @Override
  public String typeName() {
    return typeOf(value);
  }

  /** The JSON type name of a plain value. */
  public static String typeOf(Object v) {
    if (v == NULL || v == null) {
      return "null";
    } else if (v instanceof String) {
      return "string";
    } else if (v instanceof Long) {
      return "integer";
    } else if (v instanceof Double) {
      return "number";
    } else if (v instanceof Boolean) {
      return "boolean";
    } else if (v instanceof java.util.Map) {
      return "object";
    } else if (v instanceof java.util.List) {
      return "array";
    }
    return v.getClass().getSimpleName();
  }
}
