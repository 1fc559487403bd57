package dev.gwc.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemGenerationException;

/** Certificates and private keys read from PEM text, as TLS Secrets hold them. */
public final class Pem {
  private Pem() {}

  /**
   * The certificates of a PEM chain, leaf first.
   *
   * @throws IllegalArgumentException when the text holds no certificate or one that does not read
   */
  public static List<X509Certificate> certificates(String pem) {
    try {
      CertificateFactory f = CertificateFactory.getInstance("X.509");
      List<X509Certificate> out = new ArrayList<>();
      for (var c : f.generateCertificates(new ByteArrayInputStream(bytes(pem)))) {
        out.add((X509Certificate) c);
      }
      if (out.isEmpty()) {
        throw new IllegalArgumentException("no PEM certificate");
      }
      return out;
    } catch (CertificateException e) {
      throw new IllegalArgumentException("not a PEM certificate (" + e.getMessage() + ")", e);
    }
  }

  /**
   * The private key of a PEM block: PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY})
   * or SEC1 ({@code EC PRIVATE KEY}).
   *
   * @throws IllegalArgumentException when the text holds no key that reads (an encrypted key too)
   */
  public static PrivateKey privateKey(String pem) {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        if (o instanceof PEMKeyPair pair) {
          return converter.getPrivateKey(pair.getPrivateKeyInfo());
        }
        if (o instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
      }
      throw new IllegalArgumentException("no unencrypted PEM private key");
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalArgumentException("not a PEM private key (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Whether the private key belongs to the certificate: a message signed with the key verifies with
   * the certificate's public key (RSA, EC and Ed25519 keys; no public key is derived). True for a
   * key type this check does not know, so that only a key that is certainly another's is refused.
   */
  public static boolean keyMatches(PrivateKey key, X509Certificate certificate) {
    PublicKey pub = certificate.getPublicKey();
    String alg =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          case "Ed25519", "EdDSA" -> "Ed25519";
          default -> null;
        };
    if (alg == null || !key.getAlgorithm().equals(pub.getAlgorithm())) {
      return alg == null;
    }
    try {
      byte[] data = "gwc key check".getBytes(StandardCharsets.US_ASCII);
      Signature s = Signature.getInstance(alg);
      s.initSign(key);
      s.update(data);
      byte[] sig = s.sign();
      Signature v = Signature.getInstance(alg);
      v.initVerify(pub);
      v.update(data);
      return v.verify(sig);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** The certificate as PEM text. */
  public static String text(X509Certificate certificate) {
    return write(certificate);
  }

  /**
   * The private key as PEM text, PKCS#8 ({@code PRIVATE KEY}), as openssl and cert-manager write
   * it.
   */
  public static String text(PrivateKey key) {
    try {
      return write(new JcaPKCS8Generator(key, null));
    } catch (PemGenerationException e) {
      throw new IllegalArgumentException("the key cannot be written as PKCS#8", e);
    }
  }

  private static String write(Object o) {
    StringWriter s = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(s)) {
      w.writeObject(o);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return s.toString();
  }

  private static byte[] bytes(String pem) {
    return pem.getBytes(StandardCharsets.US_ASCII);
  }
}
