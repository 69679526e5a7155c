package dev.dkimagent.agent.store;

/** A second process for the locking tests: opens the store, says "ready", then waits to be killed. */
public final class StoreHolder {

    private StoreHolder() {
    }

    public static void main(String[] args) throws Exception {
        Store store = Store.open(args[0], "sa", "");
        System.out.println("ready");
        System.out.flush();
        System.in.read();  // the test kills this process with SIGKILL; stdin EOF also ends it
        store.close();
    }
}
