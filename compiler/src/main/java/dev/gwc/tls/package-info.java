/**
 * TLS material as Secrets hold it: PEM certificates and private keys read into JDK objects, and
 * whether a key belongs to a certificate. Consumes PEM text; produces certificates and keys. Used
 * by the graph stage (listener certificate references) and by {@code gwc serve} (its TLS).
 */
package dev.gwc.tls;
