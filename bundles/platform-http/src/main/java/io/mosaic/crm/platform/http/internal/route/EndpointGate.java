package io.mosaic.crm.platform.http.internal.route;

/**
 * Counts the requests running in one endpoint so that its removal can wait for them. Once closed,
 * it admits no new request.
 */
public final class EndpointGate {
    private int inFlight;
    private boolean closed;

    /** @return false if the endpoint is going away; the request must not run in it */
    public synchronized boolean enter() {
        if (closed) {
            return false;
        }
        inFlight++;
        return true;
    }

    public synchronized void exit() {
        if (--inFlight == 0) {
            notifyAll();
        }
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    /**
     * Closes the gate and waits until the requests inside have finished.
     *
     * @return the number of requests still running when the timeout expired (0 if all finished)
     */
    public synchronized int closeAndDrain(long timeoutMillis) throws InterruptedException {
        closed = true;
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (inFlight > 0) {
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000L;
            if (leftMillis <= 0) {
                break;
            }
            wait(leftMillis);
        }
        return inFlight;
    }
}
