package dev.dkimagent.agent.store;

/**
 * A second process for the locking tests: opens the store (args: url [user [password]]), says
 * "ready", then waits to be killed.
 */
public final class StoreHolder {

    private StoreHolder() {
    }

    public static void main(String[] args) throws Exception {
        String user = args.length > 1 ? args[1] : "sa";
        String password = args.length > 2 ? args[2] : "";
        Store store = Store.open(args[0], user, password);
        System.out.println("ready");
        System.out.flush();
        System.in.read();  // the test kills this process with SIGKILL; stdin EOF also ends it
        store.close();
    }
}
