/**
 * {@code gwc serve}. Consumes a routing table and HTTP requests on local ports and produces real
 * responses: redirects and errors answered by the proxy, other requests forwarded to configured
 * upstreams (and only to them) or echoed.
 */
package dev.gwc.serve;
