package io.aiojakarta.interceptors;

import jakarta.interceptor.Interceptor;

/**
 * The priority of every mapper.
 */
final class MapperPriority {

    /**
     * {@code PLATFORM_BEFORE + 5}, as Jakarta Concurrency's {@code @Asynchronous}: before
     * {@code @Transactional} ({@code PLATFORM_BEFORE + 200}) and application interceptors, so those
     * run on the target thread.
     */
    static final int VALUE = Interceptor.Priority.PLATFORM_BEFORE + 5;

    private MapperPriority() {
    }
}
