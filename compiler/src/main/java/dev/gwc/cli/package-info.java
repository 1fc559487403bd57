/**
 * The commands. Each parses its options (picocli), calls the library, picks a renderer and returns
 * the exit code of {@code ../shared/CONTRACT.md}; the only package that writes to standard output
 * or error.
 */
package dev.gwc.cli;
