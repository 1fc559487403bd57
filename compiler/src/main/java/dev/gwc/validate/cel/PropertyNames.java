package dev.gwc.validate.cel;

import java.util.Set;

/**
 * How Kubernetes CEL names object properties that are not plain identifiers: a property whose name
 * is a CEL reserved word is reached as {@code __word__} ({@code namespace} as {@code
 * __namespace__}), and in other names {@code __} reads {@code __underscores__}, {@code .} reads
 * {@code __dot__}, {@code -} reads {@code __dash__} and {@code /} reads {@code __slash__} (the
 * Kubernetes documentation on CEL validation rules, "Escaping"). Only the properties a schema
 * declares are escaped; the keys of a map (additionalProperties) are reached by index.
 */
public final class PropertyNames {
  private PropertyNames() {}

  /** The words CEL reserves that Kubernetes escapes when a property has one as its name. */
  static final Set<String> RESERVED =
      Set.of(
          "true",
          "false",
          "null",
          "in",
          "as",
          "break",
          "const",
          "continue",
          "else",
          "for",
          "function",
          "if",
          "import",
          "let",
          "loop",
          "package",
          "namespace",
          "return",
          "var",
          "void",
          "while");

  /** The name a rule uses for the property, or null when it is the property's own name. */
  public static String escaped(String name) {
    if (RESERVED.contains(name)) {
      return "__" + name + "__";
    }
    if (name.indexOf("__") < 0
        && name.indexOf('.') < 0
        && name.indexOf('-') < 0
        && name.indexOf('/') < 0) {
      return null;
    }
    StringBuilder sb = new StringBuilder(name.length() + 16);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_' && i + 1 < name.length() && name.charAt(i + 1) == '_') {
        sb.append("__underscores__");
        i++;
      } else if (c == '.') {
        sb.append("__dot__");
      } else if (c == '-') {
        sb.append("__dash__");
      } else if (c == '/') {
        sb.append("__slash__");
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * The property name an escaped name stands for ({@code __namespace__} for {@code namespace}), or
   * null when the name is not the escaped form of another.
   */
  public static String unescaped(String name) {
    if (name.indexOf("__") < 0) {
      return null;
    }
    if (name.length() > 4 && name.startsWith("__") && name.endsWith("__")) {
      String word = name.substring(2, name.length() - 2);
      if (RESERVED.contains(word)) {
        return word;
      }
    }
    String raw =
        name.replace("__underscores__", "\u0000")
            .replace("__dot__", ".")
            .replace("__dash__", "-")
            .replace("__slash__", "/")
            .replace("\u0000", "__");
    return !raw.equals(name) && name.equals(escaped(raw)) ? raw : null;
  }
}
