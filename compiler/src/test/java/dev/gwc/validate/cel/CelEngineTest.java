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

  @ParameterizedTest(name = "{0}({1}) is {2}")
  @CsvSource({
    "dns1123Label, web-1, true",
    "dns1123Label, Web, false",
    "dns1123Subdomain, a.example.com, true",
    "dns1123Subdomain, a..b, false",
    "dns1035Label, web, true",
    "dns1035Label, 1web, false",
    "cIdentifier, my_var, true",
    "cIdentifier, my-var, false",
    "labelValue, v1.2_x, true",
    "labelValue, -x, false",
  })
  void formatLibrary_validate(String format, String value, boolean valid) {
    assertEquals(valid, eval("format." + format + "().validate(self) == null", value));
  }

  @ParameterizedTest(name = "isURL({0}) is {1}")
  @CsvSource({
    "https://example.com/x, true",
    "mailto:a@b, true",
    "not a url, false",
    "/relative, false"
  })
  void isUrl(String value, boolean expected) {
    assertEquals(expected, eval("isURL(self)", value));
  }

  @Test
  void matches_usesRe2PartialMatch_andReportsBadPatterns() {
    assertEquals(true, eval("self.matches('b+')", "abbbc"));
    assertEquals(false, eval("self.matches('^b')", "abc"));
    // A constant pattern that is not RE2 does not compile (the API server refuses the CRD) ...
    assertEquals(
        "invalid regular expression '(': missing closing )",
        ENGINE.compile("self.matches('(')").compileError());
    // ... and one computed at run time fails that evaluation.
    Object r = eval("'x'.matches(self)", "(");
    assertTrue(r instanceof String && ((String) r).startsWith("FAIL"), String.valueOf(r));
  }

  @Test
  void aRuleThatLoopsTooLong_isStoppedWithAClearMessage() {
    List<Object> items = new java.util.ArrayList<>();
    for (long i = 0; i < 100; i++) {
      items.add(i);
    }
    Object r =
        eval("self.all(a, self.all(b, self.all(c, a + b + c >= 0)))", CelEngine.listValue(items));
    assertTrue(
        String.valueOf(r).startsWith("FAIL: too expensive: its loops ran more than 100,000"),
        String.valueOf(r));
  }

  @Test
  void errorValues_areWordedAsTheApiServerWordsThem_withoutLibraryClasses() {
    Map<String, Object> listener = new LinkedHashMap<>();
    listener.put("port", 80L);
    Object self = CelEngine.listValue(List.of(CelEngine.mapValue(listener)));
    Object r = eval("self.exists_one(l, l.port == 80 && l.protocol == 'HTTP')", self);
    assertEquals("FAIL: no such key: protocol", r);
  }

  @Test
  void mapValues_areSelectableAndCountable() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("port", 80L);
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("ref", CelEngine.mapValue(inner));
    outer.put("items", CelEngine.listValue(List.of(CelEngine.mapValue(inner))));
    Object self = CelEngine.mapValue(outer);
    assertEquals(true, eval("has(self.ref) && self.ref.port == 80 && size(self.ref) == 1", self));
    assertEquals(true, eval("self.items.all(i, i.port > 0) && 'ref' in self", self));
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
