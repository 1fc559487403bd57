package dev.gwc.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Values read as the ingress-nginx controller reads them; what it cannot parse reads as null. */
class IngressNginxTest {
  @Test
  void text_stripsAndBlankIsAbsent() {
    assertEquals("/app", IngressNginx.text("  /app \t"));
    assertNull(IngressNginx.text("   "));
    assertNull(IngressNginx.text(null));
  }

  @Test
  void bool_trueOrFalseInAnyCase() {
    assertEquals(Boolean.TRUE, IngressNginx.bool(" TRUE "));
    assertEquals(Boolean.FALSE, IngressNginx.bool("False"));
    assertNull(IngressNginx.bool("yes"));
    assertNull(IngressNginx.bool("1"));
    assertNull(IngressNginx.bool(""));
  }

  @Test
  void integer_decimalOnly() {
    assertEquals(30, IngressNginx.integer(" 30 "));
    assertEquals(-1, IngressNginx.integer("-1"));
    assertNull(IngressNginx.integer("30%"));
    assertNull(IngressNginx.integer("0x1e"));
    assertNull(IngressNginx.integer("99999999999"));
  }

  @Test
  void redirectCodes_300to308() {
    assertTrue(IngressNginx.isRedirectCode(300));
    assertTrue(IngressNginx.isRedirectCode(308));
    assertFalse(IngressNginx.isRedirectCode(309));
    assertFalse(IngressNginx.isRedirectCode(200));
  }

  @Test
  void shortName_onlyForTheControllersPrefix() {
    assertEquals("rewrite-target", IngressNginx.shortName(IngressNginx.PREFIX + "rewrite-target"));
    assertNull(IngressNginx.shortName("kubernetes.io/ingress.class"));
    assertTrue(IngressNginx.ROUTING.contains(IngressNginx.CANARY_BY_COOKIE));
    assertTrue(IngressNginx.ROUTING.contains(IngressNginx.ENABLE_CORS));
    assertFalse(IngressNginx.ROUTING.contains("affinity"));
  }
}
