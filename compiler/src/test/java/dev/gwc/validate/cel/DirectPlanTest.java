package dev.gwc.validate.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The direct plan against the library: with the cross-check on, every evaluation the plan makes is
 * made by the library too and must give the same value (else the evaluation throws).
 */
class DirectPlanTest {
  private final CelEngine cel = new CelEngine();

  @BeforeEach
  void on() {
    CompiledRule.crossCheck = true;
  }

  @AfterEach
  void off() {
    CompiledRule.crossCheck = false;
  }

  private static Object map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return CelEngine.mapValue(m);
  }

  private static Object list(Object... items) {
    return CelEngine.listValue(new ArrayList<>(List.of(items)));
  }

  private Object eval(String expression, Object self) {
    CompiledRule r = cel.compile(expression);
    assertNull(r.compileError(), r.compileError());
    CompiledRule.Outcome o = r.evaluate(self);
    return o instanceof CompiledRule.Value v ? v.value() : "FAIL " + ((CompiledRule.Failure) o);
  }

  @Test
  void theCrdRulesShapesArePlanned() {
    for (String e :
        List.of(
            "(self.type in ['Exact','PathPrefix']) ? self.value.startsWith('/') : true",
            "self.all(p1, self.exists_one(p2, p1.name == p2.name))",
            "size(self) <= 1 || self.all(p, has(p.name) && p.name != '')",
            "self.filter(f, f.type == 'CORS').size() <= 1",
            "(self.size() > 0 ? self[0].matches.size() : 0) <= 128",
            "self.value.matches('^[a-z]+$')")) {
      assertNotNull(cel.compile(e).direct(), e);
    }
    assertNull(cel.compile("duration(self) > duration('1s')").direct());
    assertNull(cel.compile("self.lowerAscii() == self").direct());
  }

  @Test
  void valuesAgreeWithTheLibrary() {
    Object match = map("type", "PathPrefix", "value", "/a//b");
    assertEquals(
        false,
        eval("(self.type in ['Exact','PathPrefix']) ? !self.value.contains('//') : true", match));
    assertEquals(true, eval("self.type == 'PathPrefix' && size(self.value) == 5", match));
    Object refs = list(map("name", "a"), map("name", "b"), map("name", "a"));
    assertEquals(false, eval("self.all(p, self.exists_one(q, q.name == p.name))", refs));
    assertEquals(true, eval("self.exists(p, p.name == 'b')", refs));
    assertEquals(2L, eval("size(self.filter(p, p.name == 'a'))", refs));
    assertEquals(list("a", "b", "a"), eval("self.map(p, p.name)", refs));
    assertEquals(3L, eval("self.size() > 2 ? self.size() : 0", refs));
    assertEquals(true, eval("'name' in self[0] && !('x' in self[0])", refs));
    assertEquals(
        true, eval("self.x + 1 > 41 && self.x - 1 < 42 && self.x * 2 == 84", map("x", 42L)));
    assertEquals("ab", eval("self.a + self.b", map("a", "a", "b", "b")));
    assertEquals(true, eval("self.n == null", map("n", CelEngine.NULL)));
    assertEquals(true, eval("self.all(k, k.startsWith('a'))", map("ab", 1L, "ac", 2L)));
    assertEquals(2L, eval("size('é😀')", "x"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "self.missing == 'x'", // no such key
        "self.a == 1", // string against int
        "self.a < 'b'", // string ordering: the library's
        "self.n + 9223372036854775807 > 0", // overflow
        "self.l[5] == 1", // out of range
        "self.l[0] == 1.0", // int against double
        "self.a.matches(self.a + '(')", // bad pattern, known at run time
        "false || self.missing", // an error the other side does not absorb
      })
  void errorsAndOtherShapesGoToTheLibrary(String expression) {
    Object self = map("a", "a", "n", 1L, "l", list(1L));
    CompiledRule r = cel.compile(expression);
    assertNotNull(r.direct(), expression);
    assertThrows(DirectPlan.Unsupported.class, () -> r.direct().eval(self), expression);
    assertNotNull(eval(expression, self)); // the library's answer (or failure)
  }

  @Test
  void longLoopsGoToTheLibraryAndItsLimit() {
    List<Object> items = new ArrayList<>();
    for (long i = 0; i < 400; i++) {
      items.add(i);
    }
    Object self = CelEngine.listValue(items);
    CompiledRule short1 = cel.compile("self.all(x, x < 300 || self.exists(y, y == x))");
    assertEquals(true, short1.direct().eval(self)); // 35,450 steps
    CompiledRule long1 = cel.compile("self.all(x, self.exists(y, y == x))"); // 80,600 steps
    assertThrows(DirectPlan.Unsupported.class, () -> long1.direct().eval(self));
    assertEquals(true, eval(long1.expression(), self)); // within the library's limit
    CompiledRule long2 = cel.compile("self.all(x, self.all(y, y >= 0))"); // 160,400 steps
    assertThrows(DirectPlan.Unsupported.class, () -> long2.direct().eval(self));
    Object r = eval(long2.expression(), self);
    assertTrue(String.valueOf(r).startsWith("FAIL"), String.valueOf(r)); // past it
  }

  @Test
  void errorsTheLogicAbsorbsStayAbsorbed() {
    Object self = map("a", "a");
    assertEquals(false, eval("false && self.missing == 'x'", self));
    assertEquals(true, eval("true || self.missing == 'x'", self));
    assertEquals(false, eval("self.missing == 'x' && false", self)); // by the library
  }

  /** Every rule of the bundled CRDs against every object of the repository's manifests. */
  @ParameterizedTest
  @ValueSource(strings = {"standard", "experimental"})
  void everyManifestValidatesAlike(String channel) throws Exception {
    List<String> args =
        new ArrayList<>(List.of("validate", "--format", "json", "--channel", channel));
    for (Path p :
        List.of(
            Gwc.shared().resolve("conformance"),
            Gwc.shared().resolve("examples"),
            Gwc.shared().resolve("gateway-api-examples"),
            Gwc.root().resolve("testdata"),
            Gwc.root().resolve("examples"))) {
      if (Files.isDirectory(p)) {
        args.add(p.toString());
      }
    }
    long direct = CompiledRule.DIRECT.get();
    long library = CompiledRule.HANDED_OVER.get();
    Gwc.Run run = Gwc.run(args.toArray(String[]::new));
    assertFalse(run.err().contains("internal error"), run.err());
    assertTrue(run.exit() == 0 || run.exit() == 1, run.err());
    long d = CompiledRule.DIRECT.get() - direct;
    long l = CompiledRule.HANDED_OVER.get() - library;
    // Most evaluations go direct; if that changes, the plan lost a shape it should know.
    assertTrue(d > 5_000 && d > 4 * l, d + " direct, " + l + " by the library");
  }
}
