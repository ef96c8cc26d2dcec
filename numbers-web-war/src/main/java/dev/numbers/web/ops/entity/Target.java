package dev.numbers.web.ops.entity;

import java.net.URI;

/** A watched service: a name for people and metrics, and the MicroProfile Health URL to read. */
public record Target(String name, URI url) {
}
