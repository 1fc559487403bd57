/**
 * The commands. Each parses its options (picocli mixins checked into values), runs the shared
 * compile step ({@code CompileStep}), calls one library entry point, picks a renderer and returns
 * the exit code of {@code ../shared/CONTRACT.md}; a step that ends the command early throws a
 * {@code CommandExit} carrying the message and the code. The only package that writes to standard
 * output or error.
 */
package dev.gwc.cli;
