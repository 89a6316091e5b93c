package io.aiojakarta.internal.message;

/** How every message id is written: {@code AIOJ-} and four digits, {@code AIOJ-0101}. */
final class Ids {

    /** Prefix of every id, dash included, so that ids read as they always have. */
    static final String PROJECT_CODE = "AIOJ-";

    /** Digits of every id. */
    static final int LENGTH = 4;

    private Ids() {
    }
}
