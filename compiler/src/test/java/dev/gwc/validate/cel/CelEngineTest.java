package dev.gwc.validate.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CelEngineTest {
  private static final CelEngine ENGINE = new CelEngine();

  private static Object eval(String expr, Object self) {
    CompiledRule rule = ENGINE.compile(expr);
    assertNull(rule.compileError(), () -> "compile error: " + rule.compileError());
    CompiledRule.Outcome o = rule.evaluate(self);
    if (o instanceof CompiledRule.Failure f) {
      return "FAIL: " + f.message();
    }
    return ((CompiledRule.Value) o).value();
  }

  @ParameterizedTest(name = "{0} on {1} is {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "self.all(h, !isIP(h))|10.0.0.1|false",
        "self.all(h, !isIP(h))|a.example.com|true",
        "self.all(h, !isIP(h))|::1|false",
        "self.all(h, !isIP(h))|010.0.0.1|true",
        "self.all(h, h.contains('*') ? (h.startsWith('*.') && h.substring(2).matches('^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$')) : true)|*.example.com|true",
        "self.all(h, h.contains('*') ? (h.startsWith('*.') && h.substring(2).matches('^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$')) : true)|www.*.example.com|false",
        "self.all(key, key.split(\"/\")[0].size() < 253)|example.com/x|true",
        "self.all(h, isCIDR(h))|10.0.0.0/8|true",
        "self.all(h, isCIDR(h))|10.0.0.0/33|false",
      })
  void listRules_onOneElementList(String expr, String element, boolean expected) {
    assertEquals(expected, eval(expr, List.of(element)));
  }

  @Test
  void formatValidate_validLabel_isNull() {
    assertEquals(
        true, eval("size(self) == 0 || format.dns1123Label().validate(self) == null", "http"));
    assertEquals(
        false, eval("size(self) == 0 || format.dns1123Label().validate(self) == null", "HTTP"));
  }

  @Test
  void has_onMaps_andNull() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a", 1L);
    m.put("n", CelEngine.NULL);
    assertEquals(true, eval("has(self.a) && !has(self.b)", m));
    assertEquals(true, eval("self.n == null", m));
    assertEquals(true, eval("self.a < 1.5", m));
    assertEquals(true, eval("duration('5s') < duration('1m')", m));
  }

  @Test
  void listHelpers() {
    assertEquals(
        true,
        eval(
            "self.isSorted() && self.sum() == 6 && self.min() == 1 && self.max() == 3",
            List.of(1L, 2L, 3L)));
  }

  @Test
  void missingKey_isFailure() {
    Object r = eval("self.b == 1", Map.of("a", 1L));
    assertInstanceOf(String.class, r);
    assertTrue(((String) r).startsWith("FAIL"), r.toString());
  }

  @Test
  void oldSelf_isDetected() {
    assertTrue(ENGINE.compile("self == oldSelf").needsOldSelf());
  }

  @Test
  void badExpression_keepsCompileError() {
    CompiledRule r = ENGINE.compile("self.all(x, ");
    assertNull(r.program());
    assertTrue(r.compileError() != null && !r.compileError().isEmpty());
  }
}
