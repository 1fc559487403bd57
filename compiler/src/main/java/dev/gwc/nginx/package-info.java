/**
 * ingress-nginx's annotations: their names and how the controller reads their values. Consumed by
 * the conversion (which reports what it cannot carry over) and the ingress-nginx routing table.
 */
package dev.gwc.nginx;
