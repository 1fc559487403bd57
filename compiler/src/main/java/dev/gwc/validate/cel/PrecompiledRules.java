package dev.gwc.validate.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelProtoAbstractSyntaxTree;
import dev.cel.expr.CheckedExpr;
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

  private static final int MAGIC = 0x67776331; // "gwc1"

  private PrecompiledRules() {}

  private static final class Holder {
    static final Map<String, byte[]> RULES = read();
  }

  /** The checked AST of a rule text, or null when it was not precompiled. */
  static CelAbstractSyntaxTree lookup(String expression) {
    byte[] bytes = Holder.RULES.get(expression);
    if (bytes == null) {
      return null;
    }
    try {
      return CelProtoAbstractSyntaxTree.fromCheckedExpr(CheckedExpr.parseFrom(bytes)).getAst();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Map<String, byte[]> read() {
    Map<String, byte[]> out = new HashMap<>();
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
        byte[] bytes = new byte[data.readInt()];
        data.readFully(bytes);
        out.put(text, bytes);
      }
    } catch (IOException e) {
      out.clear(); // a damaged cache only costs start-up time
    }
    return out;
  }

  /** Writes rule texts and their checked ASTs in the format {@link #lookup} reads. */
  public static void write(Map<String, byte[]> rules, OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.writeInt(MAGIC);
    data.writeInt(rules.size());
    for (Map.Entry<String, byte[]> e : rules.entrySet()) {
      data.writeUTF(e.getKey());
      data.writeInt(e.getValue().length);
      data.write(e.getValue());
    }
    data.flush();
  }
}
