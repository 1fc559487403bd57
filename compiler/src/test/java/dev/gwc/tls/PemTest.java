package dev.gwc.tls;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import dev.gwc.testing.TestCertificates;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whether a Secret's key belongs to its certificate, and what a listener makes of one that does
 * not.
 */
class PemTest {
  private static KeyPair pair(String algorithm) throws Exception {
    return TestCertificates.pair(algorithm);
  }

  private static X509Certificate selfSigned(KeyPair pair) throws Exception {
    return TestCertificates.selfSigned(pair);
  }

  private static String pem(Object o) {
    return o instanceof java.security.PrivateKey k
        ? Pem.text(k)
        : Pem.text((java.security.cert.X509Certificate) o);
  }

  @ParameterizedTest
  @ValueSource(strings = {"RSA", "EC", "Ed25519"})
  void aKeyMatchesItsOwnCertificateOnly(String algorithm) throws Exception {
    KeyPair mine = pair(algorithm);
    KeyPair other = pair(algorithm);
    X509Certificate cert = selfSigned(mine);
    X509Certificate read = Pem.certificates(pem(cert)).get(0);
    assertTrue(Pem.keyMatches(Pem.privateKey(pem(mine.getPrivate())), read));
    assertFalse(Pem.keyMatches(Pem.privateKey(pem(other.getPrivate())), read));
    assertFalse(Pem.keyMatches(pair(algorithm.equals("RSA") ? "EC" : "RSA").getPrivate(), read));
  }

  private static String gateway(String crt, String key) {
    Base64.Encoder b64 = Base64.getEncoder();
    return """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: edge
        spec:
          gatewayClassName: edge
          listeners:
          - name: https
            protocol: HTTPS
            port: 443
            tls:
              certificateRefs:
              - name: shop-tls
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: shop-tls
        type: kubernetes.io/tls
        data:
          tls.crt: %s
          tls.key: %s
        """
        .formatted(
            b64.encodeToString(crt.getBytes(UTF_8)), b64.encodeToString(key.getBytes(UTF_8)));
  }

  @Test
  void aListenerWhoseSecretHoldsAnotherKey_isInvalidCertificateRef() throws Exception {
    KeyPair mine = pair("EC");
    String crt = pem(selfSigned(mine));
    Gwc.Run good =
        Gwc.runWithStdin(gateway(crt, pem(mine.getPrivate())), "validate", "--format", "json", "-");
    assertEquals(0, good.exit(), good.out());
    Gwc.Run bad =
        Gwc.runWithStdin(
            gateway(crt, pem(pair("EC").getPrivate())), "compile", "--format", "json", "-");
    assertEquals(1, bad.exit(), bad.err());
    assertTrue(
        bad.err().contains("tls.key is not the private key of the certificate in tls.crt"),
        bad.err());
    String out = bad.out().replaceAll("\\s+", "");
    assertTrue(out.contains("\"reason\":\"InvalidCertificateRef\""), out);
  }
}
