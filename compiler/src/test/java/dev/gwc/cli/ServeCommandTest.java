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

  /** Waits (at most 10 s) for the request log, written by a thread of its own, to show a line. */
  private void awaitLog(String line) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!err.toString().contains(line) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(err.toString().contains(line), err.toString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Starts gwc serve on a free port and waits until it accepts connections. */
  private int serve(String... extra) throws Exception {
    return serveInput(Gwc.root().resolve("examples/shop"), extra);
  }

  /** Starts gwc serve on {@code input} on a free port and waits until it accepts connections. */
  private int serveInput(java.nio.file.Path input, String... extra) throws Exception {
    int port = freePort();
    String[] args = new String[extra.length + 4];
    args[0] = "serve";
    args[1] = "--listen";
    args[2] = "127.0.0.1:" + port;
    System.arraycopy(extra, 0, args, 3, extra.length);
    args[args.length - 1] = input.toString();
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

  /** Sends {@code head} (request line and headers, without the blank line) and a body. */
  private static Resp rawRequest(int port, String head, byte[] body) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      String text = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return Resp.of(text);
    }
  }

  /** An upstream on loopback that counts its requests and answers with the path it saw. */
  private static final class Upstream implements AutoCloseable {
    final HttpServer server;
    final java.util.concurrent.atomic.AtomicInteger requests =
        new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicLong bodyBytes =
        new java.util.concurrent.atomic.AtomicLong();

    Upstream(long delayMillis) throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/",
          ex -> {
            requests.incrementAndGet();
            bodyBytes.addAndGet(ex.getRequestBody().readAllBytes().length);
            try {
              Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            byte[] b = ("saw " + ex.getRequestURI()).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
          });
      server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
      server.start();
    }

    int port() {
      return server.getAddress().getPort();
    }

    String url() {
      return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
  }

  /** The storefront's Services (the shop's PathPrefix / rule) mapped to one upstream. */
  private int serveStorefront(Upstream up, String... extra) throws Exception {
    String[] args = new String[extra.length + 4];
    args[0] = "--backend";
    args[1] = "shop/storefront-v1=" + up.url();
    args[2] = "--backend";
    args[3] = "shop/storefront-v2=" + up.url();
    System.arraycopy(extra, 0, args, 4, extra.length);
    return serve(args);
  }

  @Test
  void upstream_aPathThatLooksLikeAnAuthorityStaysAPath() throws Exception {
    try (Upstream configured = new Upstream(0);
        Upstream attacker = new Upstream(0)) {
      int port = serveStorefront(configured);
      String sneaky = "//127.0.0.1:" + attacker.port() + "/steal";
      Resp r = raw(port, "www.shop.example.com:443", sneaky);
      assertEquals(200, r.status(), r.body());
      assertEquals("saw " + sneaky, r.body());
      assertEquals(0, attacker.requests.get(), "the client chose the destination");
      assertEquals(1, configured.requests.get());
    }
  }

  @Test
  void absoluteFormAndConnect_neverConnectWhereTheClientSays() throws Exception {
    try (Upstream configured = new Upstream(0);
        Upstream attacker = new Upstream(0)) {
      int port = serveStorefront(configured);
      Resp connect =
          rawRequest(
              port,
              "CONNECT 127.0.0.1:"
                  + attacker.port()
                  + " HTTP/1.1\r\nHost: 127.0.0.1:"
                  + attacker.port(),
              new byte[0]);
      // The JDK's server refuses the authority-form target itself (400); a CONNECT that it
      // passes on is answered 405. Either way nothing is connected.
      assertTrue(connect.status() == 400 || connect.status() == 405, connect.toString());

      // Absolute form: its authority is the host to route by (RFC 9112 3.2.2), not a destination.
      Resp elsewhere =
          rawRequest(
              port,
              "GET http://127.0.0.1:"
                  + attacker.port()
                  + "/x HTTP/1.1\r\nHost: www.shop.example.com",
              new byte[0]);
      assertEquals(404, elsewhere.status(), elsewhere.body());
      Resp shop =
          rawRequest(
              port,
              "GET http://www.shop.example.com:443/home HTTP/1.1\r\nHost: ignored.example",
              new byte[0]);
      assertEquals(200, shop.status(), shop.body());
      assertEquals("saw /home", shop.body());
      assertEquals(0, attacker.requests.get());
    }
  }

  @Test
  void dotSegments_areRemovedBeforeRouting() throws Exception {
    int port = serve();
    // /static/../api with the header is the api rule's request, and the api Service gets /api.
    Resp api =
        raw(port, "www.shop.example.com:443", "/static/%2e%2e/api/./v1", "x-api-version", "2");
    assertEquals(200, api.status(), api.body());
    assertTrue(api.body().contains("\"name\": \"api\""), api.body());
    assertTrue(api.body().contains("\"path\": \"/api/v1\""), api.body());
    // A path that climbs above the root is refused before routing (as nginx refuses it).
    Resp above = raw(port, "www.shop.example.com:443", "/../../etc/passwd");
    assertEquals(400, above.status(), above.body());
    assertTrue(!above.body().contains("backend"), above.body());
  }

  @Test
  void bodyOverTheLimit_is413AndNeverForwarded() throws Exception {
    try (Upstream up = new Upstream(0)) {
      int port = serveStorefront(up, "--max-body-size", "1K");
      byte[] big = new byte[4096];
      Resp declared =
          rawRequest(
              port,
              "POST /upload HTTP/1.1\r\nHost: www.shop.example.com:443\r\nContent-Length: 4096",
              big);
      assertEquals(413, declared.status(), declared.body());
      byte[] chunked = "1000\r\n".getBytes(StandardCharsets.US_ASCII);
      byte[] chunk = new byte[chunked.length + 4096 + 7];
      System.arraycopy(chunked, 0, chunk, 0, chunked.length);
      System.arraycopy(
          "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0, chunk, chunked.length + 4096, 7);
      Resp streamed =
          rawRequest(
              port,
              "POST /upload HTTP/1.1\r\nHost: www.shop.example.com:443\r\nTransfer-Encoding: chunked",
              chunk);
      assertEquals(413, streamed.status(), streamed.body());
      Resp small =
          rawRequest(
              port,
              "POST /upload HTTP/1.1\r\nHost: www.shop.example.com:443\r\nContent-Length: 1024",
              new byte[1024]);
      assertEquals(200, small.status(), small.body());
      assertEquals(1, up.requests.get());
      assertEquals(1024, up.bodyBytes.get());
    }
  }

  @Test
  void upstreamFailures_are502Or504WithTheReason() throws Exception {
    int closedPort = freePort();
    try (Upstream slow = new Upstream(3_000)) {
      String[] args = {
        "--backend", "shop/storefront-v1=http://127.0.0.1:" + closedPort,
        "--backend", "shop/storefront-v2=http://127.0.0.1:" + closedPort,
        "--backend", "shop/api=" + slow.url(),
        "--upstream-timeout", "300ms"
      };
      int port = serve(args);
      Resp refused = raw(port, "www.shop.example.com:443", "/");
      assertEquals(502, refused.status(), refused.body());
      assertTrue(refused.body().contains("connection refused"), refused.body());
      Resp late = raw(port, "www.shop.example.com:443", "/api", "x-api-version", "2");
      assertEquals(504, late.status(), late.body());
      assertTrue(late.body().contains("did not answer within 300 ms"), late.body());
      awaitLog("/api  504 -> shop/api");
    }
  }

  @Test
  void oversizedHeadersAndRequestLines_are431And414() throws Exception {
    int port = serve("--max-header-size", "2K");
    Resp headers = raw(port, "www.shop.example.com:443", "/", "x-big", "a".repeat(4096));
    assertEquals(431, headers.status(), headers.body());
    Resp line = raw(port, "www.shop.example.com:443", "/" + "a".repeat(4096));
    assertEquals(414, line.status(), line.body());
    Resp fine = raw(port, "www.shop.example.com:443", "/", "x-small", "a".repeat(512));
    assertEquals(200, fine.status(), fine.body());
  }

  @Test
  void aSilentClient_isDisconnectedAfterTheIdleTimeout() throws Exception {
    int port = serve("--idle-timeout", "300ms");
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      // Half a request, then silence: a slow client must not hold the connection.
      s.getOutputStream()
          .write("GET / HTTP/1.1\r\nHost: www.shop".getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      long start = System.nanoTime();
      byte[] rest = s.getInputStream().readAllBytes();
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(millis < 5_000, "closed after " + millis + " ms");
      assertTrue(
          rest.length == 0 || new String(rest, StandardCharsets.ISO_8859_1).contains(" 408 "),
          new String(rest, StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  void http2InClearText_isServed() throws Exception {
    int port = serve();
    java.net.http.HttpClient client =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_2)
            .build();
    java.net.http.HttpResponse<String> r =
        client.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/cart"))
                .timeout(java.time.Duration.ofSeconds(10))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(java.net.http.HttpClient.Version.HTTP_2, r.version());
    assertEquals(404, r.statusCode(), r.body()); // no route names 127.0.0.1
    assertTrue(r.body().startsWith("gwc serve: "), r.body());
  }

  @Test
  void aBrowsersHostHeader_reachesThePlainHttpListener() throws Exception {
    int port = serve();
    // A browser at http://www.shop.example.com:PORT/ names the listen port in its Host header;
    // the shop's Gateways have one plain HTTP port (80), so that is where the request arrives.
    Resp r = raw(port, "www.shop.example.com:" + port, "/cart");
    assertEquals(301, r.status(), r.body());
    assertEquals("https://www.shop.example.com/cart", r.headers().get("location"));
    awaitLog("a Host header naming this port means Gateway port 80");
  }

  @Test
  void gatewayPort_pinsTheListenPortToOneGatewayPort() throws Exception {
    int port = serve("--gateway-port", "443");
    Resp r = raw(port, "www.shop.example.com", "/api", "x-api-version", "2");
    assertEquals(200, r.status(), r.body());
    assertTrue(r.body().contains("\"name\": \"api\""), r.body());
    awaitLog("(Gateway port 443)");
  }

  @Test
  void aBackendNoRouteUses_isAWarning() throws Exception {
    serve("--backend", "shop/nothing=http://127.0.0.1:9");
    awaitLog("warning: --backend shop/nothing: no attached route sends to Service shop/nothing");
  }

  @Test
  void gatewayPort_mustBeAListenerPort() {
    Gwc.Run r =
        Gwc.run("serve", "--gateway-port", "81", Gwc.root().resolve("examples/shop").toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--gateway-port 81: no Gateway listener on that port"), r.err());
    Gwc.Run both =
        Gwc.run(
            "serve",
            "--gateway-port",
            "80",
            "--port-offset",
            "10000",
            Gwc.root().resolve("examples/shop").toString());
    assertEquals(2, both.exit(), both.err());
  }

  @Test
  void tls_terminatesWithALocalCa_andNegotiatesHttp2(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path caDir) throws Exception {
    int port = serve("--tls", "--ca-dir", caDir.toString());
    awaitLog("trust the local CA for these: curl --cacert " + caDir.resolve("ca.pem"));
    javax.net.ssl.SSLContext context = trustingLocalCa(caDir);
    for (String protocol : new String[] {"h2", "http/1.1"}) {
      try (Socket plain = new Socket("127.0.0.1", port);
          javax.net.ssl.SSLSocket s =
              (javax.net.ssl.SSLSocket)
                  context
                      .getSocketFactory()
                      .createSocket(plain, "www.shop.example.com", port, true)) {
        s.setSoTimeout(10_000);
        javax.net.ssl.SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
        p.setApplicationProtocols(new String[] {protocol});
        s.setSSLParameters(p);
        s.startHandshake();
        assertEquals(protocol, s.getApplicationProtocol());
        if (protocol.equals("http/1.1")) {
          s.getOutputStream()
              .write(
                  ("GET /api HTTP/1.1\r\nHost: www.shop.example.com\r\nx-api-version: 2\r\n"
                          + "Connection: close\r\n\r\n")
                      .getBytes(StandardCharsets.US_ASCII));
          Resp r = Resp.of(new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
          assertEquals(200, r.status(), r.body());
          assertTrue(r.body().contains("\"name\": \"api\""), r.body());
        }
      }
    }
    awaitLog("GET https://www.shop.example.com:443/api  200 -> shop/api");
  }

  @Test
  void tls_istioHttpsServer_terminatesWithALocalCa(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path caDir) throws Exception {
    int port =
        serveInput(
            Gwc.root().resolve("examples/istio"),
            "--tls",
            "--ca-dir",
            caDir.toString(),
            "--gateway-port",
            "443");
    awaitLog("listener 'https-reviews' of Gateway bookinfo/bookinfo-gateway (reviews.example.com)");
    javax.net.ssl.SSLContext context = trustingLocalCa(caDir);
    try (Socket plain = new Socket("127.0.0.1", port);
        javax.net.ssl.SSLSocket s =
            (javax.net.ssl.SSLSocket)
                context.getSocketFactory().createSocket(plain, "reviews.example.com", port, true)) {
      s.setSoTimeout(10_000);
      javax.net.ssl.SSLParameters p = s.getSSLParameters();
      p.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
      s.setSSLParameters(p);
      s.getOutputStream()
          .write(
              ("GET / HTTP/1.1\r\nHost: reviews.example.com\r\nend-user: jason\r\n"
                      + "Connection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      Resp r = Resp.of(new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      assertEquals(200, r.status(), r.body());
      assertTrue(r.body().contains("\"subset\": \"v3\""), r.body());
    }
    awaitLog("GET https://reviews.example.com:443/  200 -> bookinfo/reviews");
  }

  /** A TLS context that trusts the local CA that serve made in {@code caDir}. */
  private static javax.net.ssl.SSLContext trustingLocalCa(java.nio.file.Path caDir)
      throws Exception {
    java.security.cert.Certificate ca;
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(caDir.resolve("ca.pem"))) {
      ca = java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca);
    javax.net.ssl.TrustManagerFactory tmf =
        javax.net.ssl.TrustManagerFactory.getInstance(
            javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }

  @Test
  void grpc_isForwardedOverHttp2_withItsTrailers() throws Exception {
    org.eclipse.jetty.server.Server upstream = new org.eclipse.jetty.server.Server();
    org.eclipse.jetty.server.ServerConnector c =
        new org.eclipse.jetty.server.ServerConnector(
            upstream,
            new org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory(
                new org.eclipse.jetty.server.HttpConfiguration()));
    c.setHost("127.0.0.1");
    upstream.addConnector(c);
    java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    upstream.setHandler(
        new org.eclipse.jetty.server.Handler.Abstract() {
          @Override
          public boolean handle(
              org.eclipse.jetty.server.Request request,
              org.eclipse.jetty.server.Response response,
              org.eclipse.jetty.util.Callback callback)
              throws Exception {
            int bytes = org.eclipse.jetty.io.Content.Source.asByteBuffer(request).remaining();
            seen.add(
                request.getConnectionMetaData().getHttpVersion()
                    + " "
                    + request.getHttpURI().getPath()
                    + " te="
                    + request.getHeaders().get("te")
                    + " bytes="
                    + bytes);
            response.setStatus(200);
            response.getHeaders().put("content-type", "application/grpc");
            response.setTrailersSupplier(
                () -> org.eclipse.jetty.http.HttpFields.build().put("grpc-status", "0"));
            response.write(
                true, java.nio.ByteBuffer.wrap(new byte[] {0, 0, 0, 0, 1, 42}), callback);
            return true;
          }
        });
    upstream.start();
    org.eclipse.jetty.client.HttpClient client =
        new org.eclipse.jetty.client.HttpClient(
            new org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2(
                new org.eclipse.jetty.http2.client.HTTP2Client()));
    client.start();
    try {
      int port =
          serveInput(
              Gwc.root().resolve("testdata/simulate/grpc-and-tls/input.yaml"),
              "--gateway-port",
              "50051",
              "--backend",
              "app/checkout=http://127.0.0.1:" + c.getLocalPort());
      org.eclipse.jetty.client.ContentResponse r =
          client
              .newRequest("http://127.0.0.1:" + port + "/store.v1.Cart/Checkout")
              .method("POST")
              .headers(h -> h.put("content-type", "application/grpc").put("te", "trailers"))
              .body(new org.eclipse.jetty.client.BytesRequestContent(new byte[] {0, 0, 0, 0, 1, 7}))
              .timeout(10, TimeUnit.SECONDS)
              .send();
      assertEquals(200, r.getStatus(), r.getContentAsString());
      assertEquals(6, r.getContent().length);
      assertEquals("0", r.getTrailers() == null ? null : r.getTrailers().get("grpc-status"));
      assertEquals(java.util.List.of("HTTP/2.0 /store.v1.Cart/Checkout te=trailers bytes=6"), seen);
    } finally {
      client.stop();
      upstream.stop();
    }
  }

  @Test
  void aNonLoopbackAddress_isAWarningInTheBanner() throws Exception {
    int port = freePort();
    StringWriter out = new StringWriter();
    PrintWriter errWriter = new PrintWriter(err, true);
    running =
        CompletableFuture.supplyAsync(
            () ->
                Main.run(
                    new String[] {
                      "serve",
                      "--listen",
                      "0.0.0.0:" + port,
                      Gwc.root().resolve("examples/shop").toString()
                    },
                    new PrintWriter(out),
                    errWriter,
                    new ByteArrayInputStream(new byte[0])));
    awaitLog("listening on http://0.0.0.0:" + port);
    awaitLog(
        "warning: 0.0.0.0 is not a loopback address: other machines can send requests through"
            + " this proxy");
  }

  @Test
  void istio_isServedToo() throws Exception {
    int port = serveInput(Gwc.root().resolve("examples/istio"));
    Resp page = raw(port, "bookinfo.example.com", "/productpage");
    assertEquals(200, page.status(), page.body());
    assertTrue(page.body().contains("\"name\": \"productpage\""), page.body());
    Resp jason = raw(port, "reviews.example.com:443", "/", "end-user", "jason");
    assertEquals(200, jason.status(), jason.body());
    assertTrue(jason.body().contains("\"subset\": \"v3\""), jason.body());
    Resp redirect = raw(port, "reviews.example.com", "/");
    assertEquals(301, redirect.status(), redirect.body());
  }

  @Test
  void portInUse_saysWhichAndWhatToDo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Gwc.Run r =
          Gwc.run(
              "serve",
              "--listen",
              "127.0.0.1:" + taken.getLocalPort(),
              Gwc.root().resolve("examples/shop").toString());
      assertEquals(2, r.exit(), r.err());
      assertTrue(
          r.err()
              .contains(
                  "cannot listen on 127.0.0.1:"
                      + taken.getLocalPort()
                      + " (address in use); choose another with --listen"),
          r.err());
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
    awaitLog("GET http://nope.example:80/  404");
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
    Gwc.Run size = Gwc.run("serve", "--max-body-size", "lots", "examples/shop");
    assertEquals(2, size.exit());
    assertTrue(size.err().contains("--max-body-size 'lots': expected a size"), size.err());
    Gwc.Run time = Gwc.run("serve", "--upstream-timeout", "0s", "examples/shop");
    assertEquals(2, time.exit());
    assertTrue(time.err().contains("--upstream-timeout '0s': expected a duration"), time.err());
  }
}
