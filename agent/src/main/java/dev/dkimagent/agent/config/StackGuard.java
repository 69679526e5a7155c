package dev.dkimagent.agent.config;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the loader on a thread of its own with a known stack, so that a shape the bounds did not
 * foresee (a key path thousands of segments long) ends as a configuration error: the overflow
 * unwinds that thread only, and nothing of it is kept.
 */
final class StackGuard {
    private static final long STACK_BYTES = 16L * 1024 * 1024;

    interface Load<T> {
        T run() throws ConfigException;
    }

    private StackGuard() {
    }

    static <T> T run(String file, Load<T> load) throws ConfigException {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(load.run());
            } catch (StackOverflowError e) {
                failure.set(new ConfigException(file + ": nested too deeply to read (objects, key paths or"
                        + " substitutions thousands of levels deep); a configuration needs fewer than 10"));
            } catch (ConfigException | RuntimeException | Error e) {
                failure.set(e);
            }
        }, "config-loader", STACK_BYTES);
        thread.start();
        join(thread);
        Throwable thrown = failure.get();
        if (thrown instanceof ConfigException e) {
            throw e;
        }
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
        return result.get();
    }

    private static void join(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
