/**
 * The simulator: builds the routing table of a compiled set (only what the graph stage attached)
 * and sends requests through it, as a conformant Gateway API data plane would route them.
 */
package dev.gwc.sim;
