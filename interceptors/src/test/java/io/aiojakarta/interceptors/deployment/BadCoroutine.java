package io.aiojakarta.interceptors.deployment;

import io.aiojakarta.AsyncView;
import io.aiojakarta.Mapper;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class BadCoroutine {

    @AsyncView(Mapper.COROUTINE)
    public String list() {
        return "not a stage";
    }
}
