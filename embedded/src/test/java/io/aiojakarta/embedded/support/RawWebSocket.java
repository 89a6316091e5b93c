package io.aiojakarta.embedded.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A WebSocket client on a bare socket, for frames a well-behaved client library refuses to send (an
 * empty close frame, a close code the protocol forbids). It performs the opening handshake, writes
 * masked frames exactly as asked, and reads the server's frames one by one. One thread at a time.
 */
public final class RawWebSocket implements AutoCloseable {

    /** Close opcode. */
    public static final int CLOSE = 0x8;
    /** Text opcode. */
    public static final int TEXT = 0x1;

    /** A frame the server sent: its opcode and unmasked payload. */
    public record Frame(int opcode, byte[] payload) {

        /** @return the close code of a close frame with a payload, or -1 for an empty one */
        public int closeCode() {
            return payload.length < 2 ? -1 : ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
        }

        /** @return the payload as UTF-8 text */
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final SecureRandom random = new SecureRandom();

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /**
     * Connects and upgrades.
     *
     * @param endpoint the endpoint's {@code ws://} address
     * @return the upgraded connection
     * @throws IOException if the server does not answer 101
     */
    public static RawWebSocket connect(java.net.URI endpoint) throws IOException {
        int port = endpoint.getPort();
        String path = endpoint.getRawPath();
        Socket socket = new Socket(endpoint.getHost(), port);
        socket.setSoTimeout(10_000);
        RawWebSocket ws = new RawWebSocket(socket);
        byte[] key = new byte[16];
        ws.random.nextBytes(key);
        String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(key) + "\r\n\r\n";
        ws.out.write(request.getBytes(StandardCharsets.US_ASCII));
        ws.out.flush();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = ws.in.read();
            if (b < 0) {
                throw new EOFException("the server closed during the handshake: " + head);
            }
            head.append((char) b);
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("no upgrade: " + head);
        }
        return ws;
    }

    /**
     * Writes one final, masked frame.
     *
     * @param opcode the opcode
     * @param payload the payload, at most 125 bytes
     * @throws IOException if the write fails
     */
    public void send(int opcode, byte[] payload) throws IOException {
        if (payload.length > 125) {
            throw new IllegalArgumentException("payload longer than 125 bytes");
        }
        byte[] mask = new byte[4];
        random.nextBytes(mask);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x80 | opcode);
        frame.write(0x80 | payload.length);
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /**
     * Writes a close frame with this code and no reason.
     *
     * @param code the close code, sent as is, even one the protocol forbids
     * @throws IOException if the write fails
     */
    public void sendClose(int code) throws IOException {
        send(CLOSE, new byte[] {(byte) (code >> 8), (byte) code});
    }

    /**
     * Reads the server's next frame.
     *
     * @return the frame, or {@code null} if the server closed the TCP connection first
     * @throws IOException if reading fails, or nothing comes within 10 seconds
     */
    public Frame next() throws IOException {
        int first;
        try {
            first = in.read();
        } catch (SocketTimeoutException e) {
            throw new IOException("no frame within 10 s", e);
        } catch (IOException e) {
            return null; // reset by the server
        }
        if (first < 0) {
            return null;
        }
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        return new Frame(first & 0x0f, payload);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
