package io.aiojakarta.it.extensions;

/** A JSON response body. */
public record NoteView(long id, String text, String thread) {
}
