/**
 * The inputs. Consumes the command line's paths (files, folders, {@code -} for standard input) and
 * produces input files with their bytes, decoded sources and positions ({@link
 * dev.gwc.source.SourceSpan}: file, document, line, column) that every later stage reports with.
 */
package dev.gwc.source;
