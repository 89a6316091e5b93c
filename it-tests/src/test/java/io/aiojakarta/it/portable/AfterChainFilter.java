package io.aiojakarta.it.portable;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An ordinary servlet filter that does its work after the chain returns, as logging and metrics
 * filters do: it waits a while (long enough for a resource's stage to be completed on another
 * thread), then reads its request and writes down what it saw, by the request's {@code id}.
 */
@WebFilter(urlPatterns = "/api/after-chain/*", asyncSupported = true)
public class AfterChainFilter implements Filter {

    /** What the filter read after the chain, by request id: "GET /path", or the failure it met. */
    static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = request.getParameter("id");
        chain.doFilter(request, response);
        if (id == null) {
            return;
        }
        try {
            Thread.sleep(300);
            HttpServletRequest http = (HttpServletRequest) request;
            SEEN.put(id, http.getMethod() + " " + http.getRequestURI());
        } catch (InterruptedException | RuntimeException failure) {
            SEEN.put(id, failure.toString());
        }
    }
}
