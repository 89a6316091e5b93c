package io.aiojakarta.interceptors.deployment;

import io.aiojakarta.AsyncView;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@AsyncView
public class GoodView {

    public String hello() {
        return "hello";
    }
}
