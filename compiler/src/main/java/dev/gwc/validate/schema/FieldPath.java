package dev.gwc.validate.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * A field path such as {@code spec.rules[0].filters[1]}, shared by structure so that walking a tree
 * costs no string building until a finding is reported.
 *
 * @param parent the enclosing path, or null at the root
 * @param field a field name, or null for a list index
 * @param index a list index, or -1 for a field
 */
public record FieldPath(FieldPath parent, String field, int index) {
  private static final java.util.regex.Pattern PLAIN_FIELD =
      java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  public static final FieldPath ROOT = new FieldPath(null, null, -1);

  public FieldPath child(String name) {
    return new FieldPath(this, name, -1);
  }

  public FieldPath index(int i) {
    return new FieldPath(this, null, i);
  }

  /** The segments from the root, for walking another schema along the same path. */
  public List<FieldPath> segments() {
    List<FieldPath> out = new ArrayList<>();
    for (FieldPath p = this; p != null && p.parent != null; p = p.parent) {
      out.add(0, p);
    }
    return out;
  }

  /** Null at the root, else the dotted form. */
  public String render() {
    if (parent == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (FieldPath p : segments()) {
      if (p.field != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        boolean plain = PLAIN_FIELD.matcher(p.field).matches();
        if (plain) {
          sb.append(p.field);
        } else {
          if (sb.length() > 0) {
            sb.setLength(sb.length() - 1);
          }
          sb.append("['").append(p.field.replace("'", "\\'")).append("']");
        }
      } else {
        sb.append('[').append(p.index).append(']');
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    String r = render();
    return r == null ? "<root>" : r;
  }
}
