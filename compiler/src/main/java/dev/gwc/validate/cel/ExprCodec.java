package dev.gwc.validate.cel;

import com.google.common.collect.ImmutableList;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.values.NullValue;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * A compact binary form of the expression trees {@link DirectPlan} evaluates, kept in {@code
 * precompiled.bin} beside each rule's checked protobuf. Reading a rule's checked AST through
 * protobuf was most of a small run's CEL time, and the direct plan needs only the tree; the
 * protobuf form is read only when a rule needs the library's program. Trees with parts the direct
 * plan cannot evaluate (maps, messages, optional entries, two-variable comprehensions, unsigned or
 * bytes constants) have no compact form. PrecompiledRulesTest decodes every bundled rule and
 * compares it with the protobuf form.
 */
final class ExprCodec {
  private ExprCodec() {}

  /** Thrown by {@link #write} for a tree that has no compact form. */
  static final class NoCompactForm extends Exception {
    private static final long serialVersionUID = 1L;

    NoCompactForm() {
      super(null, null, false, false);
    }
  }

  private static final int CONSTANT_NULL = 0;
  private static final int CONSTANT_BOOL = 1;
  private static final int CONSTANT_INT = 2;
  private static final int CONSTANT_DOUBLE = 3;
  private static final int CONSTANT_STRING = 4;
  private static final int IDENT = 5;
  private static final int SELECT = 6;
  private static final int CALL = 7;
  private static final int LIST = 8;
  private static final int COMPREHENSION = 9;

  static void write(CelExpr e, DataOutputStream out) throws IOException, NoCompactForm {
    switch (e.getKind()) {
      case CONSTANT -> writeConstant(e.id(), e.constant(), out);
      case IDENT -> {
        header(IDENT, e.id(), out);
        out.writeUTF(e.ident().name());
      }
      case SELECT -> {
        header(SELECT, e.id(), out);
        out.writeUTF(e.select().field());
        out.writeBoolean(e.select().testOnly());
        write(e.select().operand(), out);
      }
      case CALL -> {
        header(CALL, e.id(), out);
        out.writeUTF(e.call().function());
        out.writeBoolean(e.call().target().isPresent());
        if (e.call().target().isPresent()) {
          write(e.call().target().get(), out);
        }
        out.writeShort(e.call().args().size());
        for (CelExpr a : e.call().args()) {
          write(a, out);
        }
      }
      case LIST -> {
        if (!e.list().optionalIndices().isEmpty()) {
          throw new NoCompactForm();
        }
        header(LIST, e.id(), out);
        out.writeShort(e.list().elements().size());
        for (CelExpr x : e.list().elements()) {
          write(x, out);
        }
      }
      case COMPREHENSION -> {
        CelExpr.CelComprehension c = e.comprehension();
        if (!c.iterVar2().isEmpty()) {
          throw new NoCompactForm();
        }
        header(COMPREHENSION, e.id(), out);
        out.writeUTF(c.iterVar());
        out.writeUTF(c.accuVar());
        write(c.iterRange(), out);
        write(c.accuInit(), out);
        write(c.loopCondition(), out);
        write(c.loopStep(), out);
        write(c.result(), out);
      }
      default -> throw new NoCompactForm();
    }
  }

  private static void writeConstant(long id, CelConstant c, DataOutputStream out)
      throws IOException, NoCompactForm {
    switch (c.getKind()) {
      case NULL_VALUE -> header(CONSTANT_NULL, id, out);
      case BOOLEAN_VALUE -> {
        header(CONSTANT_BOOL, id, out);
        out.writeBoolean(c.booleanValue());
      }
      case INT64_VALUE -> {
        header(CONSTANT_INT, id, out);
        out.writeLong(c.int64Value());
      }
      case DOUBLE_VALUE -> {
        header(CONSTANT_DOUBLE, id, out);
        out.writeDouble(c.doubleValue());
      }
      case STRING_VALUE -> {
        header(CONSTANT_STRING, id, out);
        out.writeUTF(c.stringValue());
      }
      default -> throw new NoCompactForm();
    }
  }

  private static void header(int kind, long id, DataOutputStream out) throws IOException {
    out.writeByte(kind);
    out.writeLong(id);
  }

  static CelExpr read(DataInputStream in) throws IOException {
    int kind = in.readUnsignedByte();
    long id = in.readLong();
    switch (kind) {
      case CONSTANT_NULL:
        return CelExpr.ofConstant(id, CelConstant.ofValue(NullValue.NULL_VALUE));
      case CONSTANT_BOOL:
        return CelExpr.ofConstant(id, CelConstant.ofValue(in.readBoolean()));
      case CONSTANT_INT:
        return CelExpr.ofConstant(id, CelConstant.ofValue(in.readLong()));
      case CONSTANT_DOUBLE:
        return CelExpr.ofConstant(id, CelConstant.ofValue(in.readDouble()));
      case CONSTANT_STRING:
        return CelExpr.ofConstant(id, CelConstant.ofValue(in.readUTF()));
      case IDENT:
        return CelExpr.ofIdent(id, in.readUTF());
      case SELECT:
        {
          String field = in.readUTF();
          boolean testOnly = in.readBoolean();
          return CelExpr.ofSelect(id, read(in), field, testOnly);
        }
      case CALL:
        {
          String function = in.readUTF();
          Optional<CelExpr> target = in.readBoolean() ? Optional.of(read(in)) : Optional.empty();
          return CelExpr.ofCall(id, target, function, readAll(in));
        }
      case LIST:
        return CelExpr.ofList(id, readAll(in), ImmutableList.of());
      case COMPREHENSION:
        {
          String iterVar = in.readUTF();
          String accuVar = in.readUTF();
          CelExpr range = read(in);
          CelExpr init = read(in);
          CelExpr condition = read(in);
          CelExpr step = read(in);
          CelExpr result = read(in);
          return CelExpr.ofComprehension(
              id, iterVar, range, accuVar, init, condition, step, result);
        }
      default:
        throw new IOException("unknown expression kind " + kind);
    }
  }

  private static ImmutableList<CelExpr> readAll(DataInputStream in) throws IOException {
    int n = in.readUnsignedShort();
    ImmutableList.Builder<CelExpr> out = ImmutableList.builderWithExpectedSize(n);
    for (int i = 0; i < n; i++) {
      out.add(read(in));
    }
    return out.build();
  }
}
