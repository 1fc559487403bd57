/**
 * The YAML stage. Consumes an input's bytes and produces documents of positioned nodes ({@link
 * dev.gwc.yaml.YNode}: maps, sequences, scalars with their spans), read as kubectl reads YAML (1.1
 * scalars), with findings for syntax, duplicate keys and hostile input; plain values of them for
 * later stages.
 */
package dev.gwc.yaml;
