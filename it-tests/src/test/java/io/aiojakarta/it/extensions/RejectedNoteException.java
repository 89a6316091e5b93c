package io.aiojakarta.it.extensions;

/** Thrown after the note was written: the transaction must roll back. */
public class RejectedNoteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RejectedNoteException(String text) {
        super(text);
    }
}
