package io.aiojakarta.bench;

import io.aiojakarta.embedded.AioServer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the benchmark application twice in one JVM: once as plain Undertow + RESTEasy (requests
 * on Undertow's worker pool, {@code aiojakarta.greenlets.requests=false}) for the baselines, once
 * with every request on a greenlet for the mapped variants. Prints one line per server:
 * {@code plain=http://...} and {@code aio=http://...}, then runs until stopped. The Aiojakarta server
 * allows 20,000 live greenlets instead of 10,000, so that 10,000 waiting greenlet requests leave room
 * for more.
 */
public final class BenchServer implements AutoCloseable {

    private final AioServer plain;
    private final AioServer aio;

    private BenchServer(AioServer plain, AioServer aio) {
        this.plain = plain;
        this.aio = aio;
    }

    /**
     * Starts both servers on free ports.
     *
     * @return the running servers
     */
    public static BenchServer start() {
        AioServer plain = startWith("aiojakarta.greenlets.requests", "false");
        // P3 holds 10,000 greenlet requests at once, the default bound: room for the probe's requests too
        AioServer aio = startWith("aiojakarta.greenlets.max-concurrent", "20000");
        // P5's fan-out calls the Aiojakarta server's own 100 ms COROUTINE resource
        System.setProperty(FanOutResource.UPSTREAM, aio.uri() + "aio/coroutine");
        return new BenchServer(plain, aio);
    }

    /** Starts the application with one setting given as a system property while it deploys. */
    private static AioServer startWith(String key, String value) {
        System.setProperty(key, value);
        try {
            return AioServer.builder().application(BenchApplication.class).port(0).drain(Duration.ofSeconds(5)).start();
        } finally {
            System.clearProperty(key);
        }
    }

    /**
     * The baseline server.
     *
     * @return plain RESTEasy on Undertow's worker pool
     */
    public AioServer plain() {
        return plain;
    }

    /**
     * The Aiojakarta server.
     *
     * @return every request on a greenlet
     */
    public AioServer aio() {
        return aio;
    }

    @Override
    public void close() {
        aio.close();
        plain.close();
    }

    /**
     * Runs both servers until the process is stopped.
     *
     * @param args unused
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        BenchServer server = start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.println("plain=" + server.plain().uri());
        System.out.println("aio=" + server.aio().uri());
        System.out.flush();
        stopped.await();
    }
}
