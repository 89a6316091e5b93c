package io.aiojakarta.embedded.support;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.1 connection driven by hand, for tests of what a client library hides: several
 * requests on one connection, and requests pipelined before any answer. Not thread-safe.
 */
public final class RawHttpConnection implements AutoCloseable {

    /** One response read from the connection. */
    public record Response(String statusLine, String body) {
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String host;

    /**
     * Connects to the server of {@code base}; reads time out after 20 s.
     *
     * @param base any URI of the server (its host and port are used)
     * @throws IOException when the connection cannot be made
     */
    public RawHttpConnection(URI base) throws IOException {
        this.socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(20_000);
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
        this.host = base.getHost() + ":" + base.getPort();
    }

    /**
     * Sends GET requests for the given absolute paths in one write, before reading any answer.
     *
     * @param paths absolute paths, such as {@code /app/resource}
     * @throws IOException when the write fails
     */
    public void sendGets(List<String> paths) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String path : paths) {
            all.writeBytes(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(all.toByteArray());
        out.flush();
    }

    /**
     * Sends one GET request with the given {@code Host} header, as a client that forges it would.
     *
     * @param path an absolute path, such as {@code /app/resource}
     * @param hostHeader the {@code Host} header's value
     * @throws IOException when the write fails
     */
    public void sendGet(String path, String hostHeader) throws IOException {
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * Reads the next response, whether it has a fixed length or is chunked.
     *
     * @return its status line and body
     * @throws IOException when the connection fails or closes before the response is complete
     */
    public Response read() throws IOException {
        String status = line();
        int length = -1;
        boolean chunked = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring("content-length:".length()).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line().strip(), 16); size > 0; size = Integer.parseInt(line().strip(), 16)) {
                body.writeBytes(in.readNBytes(size));
                line();
            }
            line();
        } else if (length >= 0) {
            body.writeBytes(in.readNBytes(length));
        } else {
            throw new IOException("response '" + status + "' has neither Content-Length nor chunked encoding");
        }
        return new Response(status, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed after: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
