package dev.gwc.graph;

import dev.gwc.tls.Pem;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;

/** Whether a Secret can serve as a listener's TLS certificate, decided once, when it is read. */
final class SecretTls {
  private SecretTls() {}

  /**
   * What keeps a Secret from serving as a TLS certificate, or null: its type, its keys, a tls.crt
   * that is not a PEM certificate, or a tls.key that is not the certificate's key.
   *
   * @param id {@code namespace/name}, for messages
   * @param type its type
   * @param data its data keys and values (base64 as written)
   * @param annotations its annotations
   */
  static String problem(
      String id, String type, Map<String, String> data, Map<String, String> annotations) {
    if (!"kubernetes.io/tls".equals(type)) {
      return "Secret '" + id + "' has type '" + type + "', not kubernetes.io/tls";
    }
    if (!data.containsKey("tls.crt") || !data.containsKey("tls.key")) {
      return "Secret '" + id + "' lacks tls.crt or tls.key";
    }
    if ("true".equals(annotations.get("gwc.dev/suite-generated"))) {
      return null; // a stand-in the test suite generates; its data is a placeholder
    }
    String crt;
    try {
      crt = new String(Base64.getMimeDecoder().decode(data.get("tls.crt")), StandardCharsets.UTF_8);
      if (!crt.contains("-----BEGIN CERTIFICATE-----")) {
        return "Secret '" + id + "' tls.crt is not a PEM certificate";
      }
    } catch (IllegalArgumentException e) {
      return "Secret '" + id + "' tls.crt is not base64";
    }
    return keyMismatch(id, crt, data.get("tls.key"));
  }

  /**
   * What is wrong when the private key is not the key of the certificate (a controller cannot serve
   * the pair), or null. A certificate or key that does not read as PEM is left to the checks above:
   * manifests in Git often hold placeholders.
   */
  private static String keyMismatch(String id, String crt, String keyBase64) {
    X509Certificate leaf;
    PrivateKey key;
    try {
      String pem = new String(Base64.getMimeDecoder().decode(keyBase64), StandardCharsets.UTF_8);
      leaf = Pem.certificates(crt).get(0);
      key = Pem.privateKey(pem);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return Pem.keyMatches(key, leaf)
        ? null
        : "Secret '" + id + "' tls.key is not the private key of the certificate in tls.crt";
  }
}
