package dev.gwc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.gwc.testing.Gwc;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code gwc serve} as a user drives it: curl-like requests through the shop example. */
class ServeCommandTest {
  private CompletableFuture<Integer> running;
  private final StringWriter err = new StringWriter();

  @AfterEach
  void stop() throws Exception {
    ServeCommand.stopAll();
    if (running != null) {
      assertEquals(0, running.get(20, TimeUnit.SECONDS), err.toString());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Starts gwc serve on a free port and waits until it accepts connections. */
  private int serve(String... extra) throws Exception {
    int port = freePort();
    String[] args = new String[extra.length + 4];
    args[0] = "serve";
    args[1] = "--listen";
    args[2] = "127.0.0.1:" + port;
    System.arraycopy(extra, 0, args, 3, extra.length);
    args[args.length - 1] = Gwc.root().resolve("examples/shop").toString();
    PrintWriter errWriter = new PrintWriter(err, true);
    running =
        CompletableFuture.supplyAsync(
            () ->
                Main.run(
                    args,
                    new PrintWriter(new StringWriter()),
                    errWriter,
                    new ByteArrayInputStream(new byte[0])));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return port;
      } catch (IOException notYet) {
        assertTrue(!running.isDone(), () -> "gwc serve stopped: " + err);
        Thread.sleep(50);
      }
    }
    throw new AssertionError("gwc serve did not listen: " + err);
  }

  /** A raw HTTP/1.1 request with a Host header of our choosing (HttpClient forbids setting it). */
  private static Resp raw(int port, String host, String path, String... headers)
      throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      StringBuilder req = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
      for (int i = 0; i < headers.length; i += 2) {
        req.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
      }
      req.append("Connection: close\r\n\r\n");
      OutputStream out = s.getOutputStream();
      out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String text = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return Resp.of(text);
    }
  }

  /** A response as read off the socket: status, headers (lower-case names), body. */
  private record Resp(int status, java.util.Map<String, String> headers, String body) {
    static Resp of(String text) {
      int end = text.indexOf("\r\n\r\n");
      String[] lines = text.substring(0, end).split("\r\n");
      java.util.Map<String, String> headers = new java.util.HashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
      return new Resp(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
    }
  }

  @Test
  void redirect_echo_and_notFound() throws Exception {
    int port = serve();
    Resp redirect = raw(port, "www.shop.example.com", "/cart");
    assertEquals(301, redirect.status(), redirect.body());
    assertEquals("https://www.shop.example.com/cart", redirect.headers().get("location"));

    Resp echo = raw(port, "www.shop.example.com:443", "/api?x=1", "x-api-version", "2");
    assertEquals(200, echo.status(), echo.body());
    assertTrue(echo.body().contains("\"name\": \"api\""), echo.body());
    assertTrue(echo.body().contains("\"path\": \"/api?x=1\""), echo.body());
    assertTrue(
        echo.body().contains("x-served-by"), "filters apply before the backend: " + echo.body());

    Resp none = raw(port, "nope.example", "/");
    assertEquals(404, none.status());
    assertTrue(err.toString().contains("GET http://nope.example:80/  404"), err.toString());
  }

  @Test
  void backend_forwardsToARealUpstream() throws Exception {
    HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext(
        "/",
        ex -> {
          byte[] body =
              ("upstream saw "
                      + ex.getRequestURI()
                      + " "
                      + ex.getRequestHeaders().getFirst("x-served-by"))
                  .getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("x-upstream", "yes");
          ex.sendResponseHeaders(201, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    upstream.start();
    try {
      int port = serve("--backend", "shop/api=http://127.0.0.1:" + upstream.getAddress().getPort());
      Resp r = raw(port, "www.shop.example.com:443", "/api/v2", "x-api-version", "2");
      assertEquals(201, r.status(), r.body());
      assertEquals("upstream saw /api/v2 edge", r.body());
      assertEquals("yes", r.headers().get("x-upstream"));
    } finally {
      upstream.stop(0);
    }
  }

  @Test
  void usageErrors_exitTwoWithOneLine() {
    Gwc.Run bad = Gwc.run("serve", "--backend", "api=localhost", "examples/shop");
    assertEquals(2, bad.exit());
    assertTrue(bad.err().startsWith("gwc serve: --backend 'api=localhost'"), bad.err());
    Gwc.Run listen = Gwc.run("serve", "--listen", "nowhere", "examples/shop");
    assertEquals(2, listen.exit());
    assertTrue(listen.err().contains("expected HOST:PORT"), listen.err());
  }
}
