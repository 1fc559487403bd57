package dev.gwc.validate.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cel.common.CelAbstractSyntaxTree;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The build's {@code precompiled.bin} against the protobuf form it keeps beside each tree: every
 * bundled rule's compact tree ({@link ExprCodec}) is the protobuf tree, and a rule without a
 * compact tree is one the direct plan could not evaluate anyway.
 */
class PrecompiledRulesTest {
  /** Every rule text in the resource, in its order. */
  private static List<String> storedTexts() throws IOException {
    List<String> texts = new ArrayList<>();
    try (InputStream in = PrecompiledRules.class.getResourceAsStream(PrecompiledRules.RESOURCE)) {
      assertNotNull(in, "the build wrote " + PrecompiledRules.RESOURCE);
      DataInputStream data = new DataInputStream(in);
      data.readInt();
      int n = data.readInt();
      for (int i = 0; i < n; i++) {
        texts.add(data.readUTF());
        data.skipNBytes(data.readInt());
        data.skipNBytes(data.readInt());
      }
    }
    return texts;
  }

  @Test
  void everyCompactTreeIsTheProtobufTree() throws IOException {
    List<String> texts = storedTexts();
    assertTrue(texts.size() > 100, "rules: " + texts.size());
    int compact = 0;
    for (String text : texts) {
      PrecompiledRules.Rule rule = PrecompiledRules.lookup(text);
      assertNotNull(rule, text);
      CelAbstractSyntaxTree ast = rule.ast();
      assertNotNull(ast, "the protobuf form of " + text + " parses");
      if (rule.expr() != null) {
        compact++;
        assertEquals(ast.getExpr(), rule.expr(), text);
      } else {
        assertNull(DirectPlan.of(ast), "no compact tree, yet a direct plan: " + text);
      }
    }
    // Nearly every CRD rule is in the direct plan's subset; if this drops, the codec lost a kind.
    assertTrue(compact * 10 > texts.size() * 9, compact + " of " + texts.size() + " compact");
  }

  @Test
  void aTreeWithAPartTheDirectPlanCannotEvaluateHasNoCompactForm() throws Exception {
    CelEngine cel = new CelEngine();
    for (String text : List.of("{'a': 1}.a == 1", "self.x == 1u", "[?self.y] == []")) {
      byte[] checked = cel.checkedBytes(text);
      if (checked == null) {
        continue; // not in this CEL's syntax
      }
      PrecompiledRules.Rule rule = new PrecompiledRules.Rule(text, null, checked);
      assertEquals(0, PrecompiledRules.compact(rule.ast()).length, text);
    }
    byte[] checked = cel.checkedBytes("self.all(x, x.startsWith('a') && size(x) < 3)");
    byte[] bytes = PrecompiledRules.compact(new PrecompiledRules.Rule("", null, checked).ast());
    assertTrue(bytes.length > 0);
    assertEquals(
        new PrecompiledRules.Rule("", null, checked).ast().getExpr(),
        ExprCodec.read(new DataInputStream(new ByteArrayInputStream(bytes))));
  }

  @Test
  void aDamagedResourceOnlyCostsTime() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrecompiledRules.write(Map.of("self.a == 1", new byte[] {1, 2, 3}), out);
    DataInputStream data = new DataInputStream(new ByteArrayInputStream(out.toByteArray()));
    data.readInt();
    assertEquals(1, data.readInt());
    assertEquals("self.a == 1", data.readUTF());
    data.skipNBytes(data.readInt());
    assertEquals(0, data.readInt(), "bytes that do not parse get no compact tree");
    assertNull(new PrecompiledRules.Rule("self.a == 1", null, new byte[] {1, 2, 3}).ast());
  }
}
