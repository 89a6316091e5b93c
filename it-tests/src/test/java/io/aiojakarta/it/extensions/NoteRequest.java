package io.aiojakarta.it.extensions;

import jakarta.validation.constraints.NotBlank;

/** A JSON request body. */
public record NoteRequest(@NotBlank String text) {
}
