package dev.gwc.validate.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelProtoAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.expr.CheckedExpr;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The bundled CRDs' CEL rules, parsed and type-checked at build time ({@code
 * gwc/cel/precompiled.bin}, written by the schema stage's cache builder). Parsing and checking were
 * most of the start-up time of a small run; a rule that is not in the cache (a user's CRD) is
 * compiled from its text as before.
 */
public final class PrecompiledRules {
  /** The resource the build writes and the runtime reads. */
  public static final String RESOURCE = "/gwc/cel/precompiled.bin";

  private static final int MAGIC = 0x67776332; // "gwc2"

  private PrecompiledRules() {}

  /**
   * One precompiled rule.
   *
   * @param expression the rule text
   * @param expr the expression tree in {@link ExprCodec}'s form, or null when it has none (the
   *     direct plan cannot evaluate it)
   * @param checked the checked AST as protobuf bytes, read only when the library's program is
   *     needed
   */
  record Rule(String expression, CelExpr expr, byte[] checked) {
    /** The checked AST, or null when the bytes do not parse (the caller compiles the text). */
    CelAbstractSyntaxTree ast() {
      try {
        return CelProtoAbstractSyntaxTree.fromCheckedExpr(CheckedExpr.parseFrom(checked)).getAst();
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }
  }

  private record Stored(byte[] expr, byte[] checked) {}

  private static final class Holder {
    static final Map<String, Stored> RULES = read();
  }

  /** The precompiled form of a rule text, or null when it was not precompiled. */
  static Rule lookup(String expression) {
    Stored stored = Holder.RULES.get(expression);
    if (stored == null) {
      return null;
    }
    CelExpr expr = null;
    if (stored.expr() != null) {
      try {
        expr = ExprCodec.read(new DataInputStream(new ByteArrayInputStream(stored.expr())));
      } catch (IOException | RuntimeException e) {
        expr = null; // the library's program decides
      }
    }
    return new Rule(expression, expr, stored.checked());
  }

  private static Map<String, Stored> read() {
    Map<String, Stored> out = new HashMap<>();
    try (InputStream in = PrecompiledRules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return out;
      }
      DataInputStream data = new DataInputStream(in);
      if (data.readInt() != MAGIC) {
        return out;
      }
      int n = data.readInt();
      for (int i = 0; i < n; i++) {
        String text = data.readUTF();
        byte[] checked = new byte[data.readInt()];
        data.readFully(checked);
        byte[] expr = new byte[data.readInt()];
        data.readFully(expr);
        out.put(text, new Stored(expr.length == 0 ? null : expr, checked));
      }
    } catch (IOException e) {
      out.clear(); // a damaged cache only costs start-up time
    }
    return out;
  }

  /**
   * Writes rule texts and their checked ASTs (protobuf bytes) in the format {@link #lookup} reads,
   * each with its tree in {@link ExprCodec}'s form where it has one.
   */
  public static void write(Map<String, byte[]> rules, OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.writeInt(MAGIC);
    data.writeInt(rules.size());
    for (Map.Entry<String, byte[]> e : rules.entrySet()) {
      data.writeUTF(e.getKey());
      data.writeInt(e.getValue().length);
      data.write(e.getValue());
      byte[] expr = compact(new Rule(e.getKey(), null, e.getValue()).ast());
      data.writeInt(expr.length);
      data.write(expr);
    }
    data.flush();
  }

  /** The tree's compact form, or no bytes when it has none. */
  static byte[] compact(CelAbstractSyntaxTree ast) throws IOException {
    if (ast == null) {
      return new byte[0];
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ExprCodec.write(ast.getExpr(), new DataOutputStream(bytes));
    } catch (ExprCodec.NoCompactForm e) {
      return new byte[0];
    }
    return bytes.toByteArray();
  }
}
