package dev.gwc.serve;

import dev.gwc.tls.Pem;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificate authority of {@code gwc serve --tls} on this machine: made on first use and kept
 * in a folder ({@code ca.pem}, and {@code ca.key} readable by its owner only), so that a person
 * trusts it once. It signs a short-lived certificate per listener for the hostnames the listener
 * serves, when the input's TLS Secrets are absent or placeholders.
 */
final class LocalCa {
  private static final String SIGNATURE = "SHA256withECDSA";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path certificateFile;
  private final X509Certificate certificate;
  private final PrivateKey key;

  private LocalCa(Path certificateFile, X509Certificate certificate, PrivateKey key) {
    this.certificateFile = certificateFile;
    this.certificate = certificate;
    this.key = key;
  }

  /** The file to trust ({@code curl --cacert FILE}). */
  Path certificateFile() {
    return certificateFile;
  }

  X509Certificate certificate() {
    return certificate;
  }

  /**
   * The authority kept in {@code dir}, made there first when it holds none (or one that no longer
   * reads, or has expired).
   *
   * @throws IOException naming the file that cannot be read or written
   */
  static LocalCa in(Path dir) throws IOException {
    Path crt = dir.resolve("ca.pem");
    Path keyFile = dir.resolve("ca.key");
    if (Files.isRegularFile(crt) && Files.isRegularFile(keyFile)) {
      try {
        List<X509Certificate> chain = Pem.certificates(Files.readString(crt));
        PrivateKey key = Pem.privateKey(Files.readString(keyFile));
        if (!chain.isEmpty() && chain.get(0).getNotAfter().after(new Date())) {
          return new LocalCa(crt, chain.get(0), key);
        }
      } catch (IllegalArgumentException e) {
        // Unreadable: made anew below.
      }
    }
    try {
      KeyPair pair = keyPair();
      X500Name name = new X500Name("CN=gwc serve local CA,O=gwc");
      Instant now = Instant.now();
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              name,
              serial(),
              Date.from(now.minus(Duration.ofHours(1))),
              Date.from(now.plus(Duration.ofDays(3650))),
              name,
              pair.getPublic());
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      b.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      b.addExtension(
          Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
      X509Certificate cert = sign(b, pair.getPrivate());
      Files.createDirectories(dir);
      writeAtomically(keyFile, Pem.text(pair.getPrivate()), true);
      writeAtomically(crt, Pem.text(cert), false);
      return new LocalCa(crt, cert, pair.getPrivate());
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IOException("cannot make a local certificate authority: " + e.getMessage(), e);
    }
  }

  /**
   * A certificate for {@code names} (DNS names, wildcards allowed), valid for 30 days, signed by
   * this authority, with its key.
   */
  Issued issue(List<String> names) throws IOException {
    try {
      KeyPair pair = keyPair();
      Instant now = Instant.now();
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              certificate,
              serial(),
              Date.from(now.minus(Duration.ofHours(1))),
              Date.from(now.plus(Duration.ofDays(30))),
              new X500Name("CN=" + names.get(0).replace(",", "") + ",O=gwc serve"),
              pair.getPublic());
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
      b.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      List<GeneralName> alt = new ArrayList<>();
      for (String n : names) {
        alt.add(new GeneralName(GeneralName.dNSName, n));
      }
      alt.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
      b.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(alt.toArray(new GeneralName[0])));
      b.addExtension(
          Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
      return new Issued(sign(b, key), pair.getPrivate());
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IOException("cannot issue a certificate for " + names + ": " + e.getMessage(), e);
    }
  }

  /**
   * A certificate and its key.
   *
   * @param certificate the certificate
   * @param key its private key
   */
  record Issued(X509Certificate certificate, PrivateKey key) {}

  private static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(256, RANDOM);
    return g.generateKeyPair();
  }

  private static BigInteger serial() {
    return new BigInteger(64, RANDOM).add(BigInteger.ONE);
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key)
      throws GeneralSecurityException, OperatorCreationException {
    return new JcaX509CertificateConverter()
        .getCertificate(b.build(new JcaContentSignerBuilder(SIGNATURE).build(key)));
  }

  private static void writeAtomically(Path file, String text, boolean secret) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), ".gwc-", ".tmp");
    try {
      if (secret) {
        try {
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // A file system without POSIX permissions: the folder's own protection applies.
        }
      }
      Files.writeString(tmp, text, StandardCharsets.US_ASCII);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
