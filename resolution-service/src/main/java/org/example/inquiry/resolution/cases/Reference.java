package org.example.inquiry.resolution.cases;

import org.example.inquiry.schemas.ReferenceKind;

/** A business document the inquiry quotes, as the Avro {@code Reference} carries it. */
public record Reference(ReferenceKind kind, String value) {}
