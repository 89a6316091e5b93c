package io.aiojakarta.it.extensions;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Note {

    @Id
    @GeneratedValue
    Long id;

    String text;

    String thread;

    public Note() {
    }

    Note(String text, String thread) {
        this.text = text;
        this.thread = thread;
    }
}
