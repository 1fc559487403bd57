package dev.gwc.testing;

import dev.gwc.tls.Pem;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Key pairs and self-signed certificates made on the spot, for TLS Secrets in tests. */
public final class TestCertificates {
  private TestCertificates() {}

  /** A fresh key pair: RSA 2048, EC P-256 or Ed25519. */
  public static KeyPair pair(String algorithm) throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
    if (!algorithm.equals("Ed25519")) {
      g.initialize(algorithm.equals("RSA") ? 2048 : 256);
    }
    return g.generateKeyPair();
  }

  /** A one-day certificate for shop.example.com signed by its own key. */
  public static X509Certificate selfSigned(KeyPair pair) throws GeneralSecurityException {
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
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder(alg).build(pair.getPrivate())));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  /** The {@code data} of a kubernetes.io/tls Secret whose key belongs to its certificate. */
  public static String tlsSecretData(String indent) throws GeneralSecurityException {
    KeyPair pair = pair("EC");
    Base64.Encoder b64 = Base64.getEncoder();
    return indent
        + "tls.crt: "
        + b64.encodeToString(Pem.text(selfSigned(pair)).getBytes(StandardCharsets.UTF_8))
        + "\n"
        + indent
        + "tls.key: "
        + b64.encodeToString(Pem.text(pair.getPrivate()).getBytes(StandardCharsets.UTF_8))
        + "\n";
  }
}
