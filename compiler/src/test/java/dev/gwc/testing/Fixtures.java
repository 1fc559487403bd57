package dev.gwc.testing;

/** Manifest text many tests start from. */
public final class Fixtures {
  private Fixtures() {}

  /** The GatewayClass {@code gc} (controller example.com/gc) and a document separator after it. */
  public static final String GATEWAY_CLASS =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: GatewayClass
      metadata: {name: gc}
      spec: {controllerName: example.com/gc}
      ---
      """;
}
