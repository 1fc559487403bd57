package dev.gwc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gwc.pipeline.Compiler;
import dev.gwc.pipeline.Options;
import dev.gwc.source.Inputs;
import dev.gwc.table.GatewayTable;
import dev.gwc.table.HeaderList;
import dev.gwc.table.Request;
import dev.gwc.table.RoutingTable;
import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests to a Gateway reach the listeners of its accepted ListenerSets, after its own; a
 * conflicted set listener and a set that is not admitted serve nothing. The set is the one of the
 * {@code listener-sets} golden trace.
 */
class ListenerSetRoutingTest {
  private static RoutingTable table;

  @BeforeAll
  static void compile() throws IOException {
    InputStream none = InputStream.nullInputStream();
    String input = Gwc.root().resolve("testdata/simulate/listener-sets/input.yaml").toString();
    table =
        RoutingTable.build(
            Compiler.create(new Options("1.6.1", "standard", List.of(), "default", false), none)
                .compileRoutes(Inputs.collect(List.of(input)), none));
  }

  @ParameterizedTest
  @CsvSource({
    "https://shop.example.com/pay/x, shop-https, team-a/shop, 0",
    "https://shop.example.com/cart, shop-https, team-a/shop, 1",
    "https://blog.example.com/, blog-https, team-b/blog, 0",
    "http://shop.example.com/, http, infra/web, 0"
  })
  void simulate_gatewayWithListenerSets_reachesSetListeners(
      String url, String listener, String route, int rule) {
    Result r = Simulator.simulate(table, gateway(), get(url), 0, false);
    assertEquals(listener, r.listener());
    assertEquals(route, r.route().namespace() + "/" + r.route().name());
    assertEquals(rule, r.route().rule());
  }

  @ParameterizedTest
  @CsvSource({"http://c.example.com:8080/", "https://other.example.com/"})
  void simulate_setNotAdmittedOrNoListener_noRoute(String url) {
    Result r = Simulator.simulate(table, gateway(), get(url), 0, false);
    assertNull(r.route());
    assertEquals(404, r.status());
  }

  private static GatewayTable gateway() {
    return table.gateway("infra", "edge");
  }

  private static Request get(String url) {
    return Request.fromUrl("GET", url, HeaderList.EMPTY, HeaderList.EMPTY);
  }
}
