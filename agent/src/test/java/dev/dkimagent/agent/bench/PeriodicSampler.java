package dev.dkimagent.agent.bench;

/**
 * A daemon thread that takes one sample every {@code intervalMillis} until closed; what a sample
 * reads is the subclass's. Closing waits for the sample in progress, so the last one is complete.
 */
abstract class PeriodicSampler implements AutoCloseable {
    private final Thread sampler;
    private final long intervalMillis;
    private volatile boolean running = true;

    PeriodicSampler(String name, long intervalMillis) {
        this.intervalMillis = intervalMillis;
        sampler = new Thread(this::loop, name);
        sampler.setDaemon(true);
    }

    /** Starts sampling; called by the subclass once its fields are set. */
    final void start() {
        sampler.start();
    }

    abstract void sample();

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
