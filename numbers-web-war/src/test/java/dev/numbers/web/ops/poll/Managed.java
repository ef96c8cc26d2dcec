package dev.numbers.web.ops.poll;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.ExecutorService;

/** Plain executors dressed as Liberty's managed ones, for unit tests of what Liberty injects them into. */
final class Managed {

    private Managed() {
    }

    static ManagedScheduledExecutorService scheduler(ExecutorService plain) {
        return dressed(ManagedScheduledExecutorService.class, plain);
    }

    static ManagedExecutorService executor(ExecutorService plain) {
        return dressed(ManagedExecutorService.class, plain);
    }

    /** Every method of the plain executor's own interfaces is passed on; the managed-only ones are not used. */
    private static <T> T dressed(Class<T> type, Object plain) {
        return type.cast(Proxy.newProxyInstance(Managed.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            try {
                return plain.getClass().getMethod(method.getName(), method.getParameterTypes()).invoke(plain, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
