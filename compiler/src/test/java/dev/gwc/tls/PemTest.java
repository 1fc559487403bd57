package dev.gwc.tls;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whether a Secret's key belongs to its certificate, and what a listener makes of one that does
 * not.
 */
class PemTest {
  private static KeyPair pair(String algorithm) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
    if (!algorithm.equals("Ed25519")) {
      g.initialize(algorithm.equals("RSA") ? 2048 : 256);
    }
    return g.generateKeyPair();
  }

  private static X509Certificate selfSigned(KeyPair pair) throws Exception {
    String alg =
        switch (pair.getPrivate().getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default -> "Ed25519";
        };
    X500Name name = new X500Name("CN=shop.example.com");
    Date now = new Date(1_700_000_000_000L);
    var builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.ONE,
            now,
            new Date(now.getTime() + 86_400_000L),
            name,
            pair.getPublic());
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder(alg).build(pair.getPrivate())));
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
