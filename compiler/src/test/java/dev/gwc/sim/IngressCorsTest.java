package dev.gwc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headers of ingress-nginx's enable-cors: on the 204 preflight and on proxied responses. */
class IngressCorsTest {
  @TempDir Path tmp;

  private String simulate(String request, String origin) throws IOException {
    Path f = tmp.resolve("ingress.yaml");
    Files.writeString(
        f,
        IngressRoutingTest.ingress(
            "web",
            IngressRoutingTest.T1,
            IngressRoutingTest.nginx("enable-cors", "true")
                + IngressRoutingTest.nginx("cors-allow-origin", "https://*.example.org")
                + IngressRoutingTest.nginx("cors-expose-headers", "X-Trace")
                + IngressRoutingTest.nginx("cors-max-age", "600"),
            IngressRoutingTest.rule("a.example.com", "Prefix / web:80")),
        StandardCharsets.UTF_8);
    Gwc.Run run =
        Gwc.run(
            "simulate",
            "--request",
            request,
            "-H",
            "Origin: " + origin,
            "--format",
            "json",
            f.toString());
    return run.out().replaceAll("\\s+", "");
  }

  @Test
  void preflightFromAnAllowedOrigin_is204WithTheOriginEchoed() throws IOException {
    String out = simulate("OPTIONS http://a.example.com/x", "https://shop.example.org");
    assertTrue(out.contains("\"status\":204"), out);
    assertTrue(out.contains("\"access-control-allow-origin\":[\"https://shop.example.org\"]"), out);
    assertTrue(out.contains("\"access-control-allow-credentials\":[\"true\"]"), out);
    assertTrue(out.contains("\"access-control-expose-headers\":[\"X-Trace\"]"), out);
    assertTrue(out.contains("\"access-control-max-age\":[\"600\"]"), out);
    assertTrue(out.contains("\"content-length\":[\"0\"]"), out);
  }

  @Test
  void aProxiedResponseCarriesTheHeaders_anotherOriginGetsNone() throws IOException {
    String allowed = simulate("GET http://a.example.com/x", "https://shop.example.org");
    assertTrue(allowed.contains("\"status\":200"), allowed);
    assertTrue(allowed.contains("access-control-allow-origin"), allowed);
    String other = simulate("GET http://a.example.com/x", "https://shop.example.net");
    assertEquals(-1, other.indexOf("access-control"), other);
  }
}
