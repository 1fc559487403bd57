/**
 * How stages spread work over the cores. Consumes a count of independent items and a task per item;
 * hands items out a few at a time from a shared counter ({@link dev.gwc.concurrent.Parallel}), so
 * that no core waits while another has a long tail of work.
 */
package dev.gwc.concurrent;
