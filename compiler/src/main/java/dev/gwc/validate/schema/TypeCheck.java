package dev.gwc.validate.schema;

import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import dev.gwc.yaml.YScalar;
import dev.gwc.yaml.YSeq;

/** Whether a node has the type its schema declares, and a helpful message when it does not. */
final class TypeCheck {
  private TypeCheck() {}

  static boolean fits(YNode node, Schema s) {
    if (s.intOrString) {
      return node instanceof YScalar sc
          && (sc.value() instanceof Long || sc.value() instanceof String);
    }
    if (s.type == null) {
      return true;
    }
    return switch (s.type) {
      case "object" -> node instanceof YMap;
      case "array" -> node instanceof YSeq;
      case "string" -> node instanceof YScalar sc && sc.value() instanceof String;
      case "integer" -> node instanceof YScalar sc && sc.value() instanceof Long;
      case "number" -> node instanceof YScalar sc && sc.value() instanceof Number;
      case "boolean" -> node instanceof YScalar sc && sc.value() instanceof Boolean;
      default -> true;
    };
  }

  static String mismatch(YNode node, Schema s) {
    // "must be of type T" is how the API server words it, so that it can be searched for.
    String expected = s.intOrString ? "an integer or a string" : "of type " + s.type;
    String got = node.typeName();
    StringBuilder sb = new StringBuilder("must be ").append(expected).append(", got ").append(got);
    if (node instanceof YScalar sc && !sc.isNull()) {
      sb.append(" ").append(Render.value(sc.value()));
      boolean wantsString = "string".equals(s.type) || s.intOrString;
      if (wantsString && SchemaValidator.yaml11Boolean(sc)) {
        sb.append(" (Kubernetes reads unquoted '")
            .append(sc.text())
            .append("' as a boolean; quote it: \"")
            .append(sc.text())
            .append("\")");
      } else if (wantsString && sc.plain() && !(sc.value() instanceof String)) {
        sb.append(" (quote it to keep the text \"").append(sc.text()).append("\")");
      }
    }
    if (node instanceof YScalar sc && sc.isNull()) {
      sb.append(" (an empty value is null; remove the key or give it a value)");
    }
    return sb.toString();
  }
}
