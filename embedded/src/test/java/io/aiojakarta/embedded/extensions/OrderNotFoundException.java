package io.aiojakarta.embedded.extensions;

/** A checked application exception, mapped to 404 by {@link OrderNotFoundMapper}. */
public class OrderNotFoundException extends Exception {

    private static final long serialVersionUID = 1L;

    public OrderNotFoundException(String id) {
        super("no order " + id);
    }
}
