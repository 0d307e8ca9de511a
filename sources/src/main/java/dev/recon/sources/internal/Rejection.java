package dev.recon.sources.internal;

import dev.recon.sources.DeadLetterKind;

/** Why a record is dead-lettered: its counted kind and the full reason text. */
public record Rejection(DeadLetterKind kind, String reason) {}
