package dev.dkimagent.agent.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.dkimagent.agent.cli.ConfigOption;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.config.SettingsLoader;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * One cold load in this JVM, for {@link ConfigLoadBench}: {@code SettingsLoader.load} of the file
 * as {@code check} and {@code run} call it at start, then one line of figures on stdout: wall and
 * process CPU of the load, bytes allocated during it, the largest heap in use after any
 * GC from the start of the load to a full GC after it (the peak live data, to the GC's
 * resolution), the heap in use after that full GC with the settings still held, and the GCs the
 * load caused. An OutOfMemoryError prints "oom".
 */
public final class ConfigLoadRun {
    static final String RESULT = "config-load-result";

    private ConfigLoadRun() {
    }

    public static void main(String[] args) throws Exception {
        Path config = Path.of(args[0]);
        int expected = Integer.parseInt(args[1]);
        var codes = ConfigOption.knownCodes();
        List<long[]> gcs = Collections.synchronizedList(new ArrayList<>());
        listenToGcs(gcs);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] gcBefore = gcCountAndMillis();
        long usedBefore = usedHeap();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        Settings settings;
        try {
            settings = SettingsLoader.load(config, codes);
        } catch (OutOfMemoryError e) {
            System.out.println(RESULT + " oom");
            return;
        }
        long wall = System.nanoTime() - start;
        cpu = os.getProcessCpuTime() - cpu;
        long usedAfter = usedHeap();
        long[] gcAfter = gcCountAndMillis();
        System.gc();
        long held = usedHeap();
        Thread.sleep(200); // GC notifications arrive on their own thread
        if (settings.identities().size() != expected) {
            throw new IllegalStateException("loaded " + settings.identities().size() + " identities, not " + expected);
        }
        List<long[]> duringLoad = List.copyOf(gcs.subList(0, (int) (gcAfter[0] - gcBefore[0])));
        long peak = Math.max(held, duringLoad.stream().mapToLong(gc -> gc[1]).max().orElse(0));
        System.out.printf(Locale.ROOT, "%s ok %d %d %d %d %d %d %d%n", RESULT, wall, cpu,
                allocated(usedBefore, duringLoad, usedAfter), peak, held, duringLoad.size(), gcAfter[1] - gcBefore[1]);
    }

    /**
     * Bytes allocated from {@code usedBefore} to {@code usedAfter}: what each GC found in use,
     * less what the previous one left. The loader runs on its own thread (a large stack), so the
     * heap rather than this thread's counter tells.
     */
    private static long allocated(long usedBefore, List<long[]> gcs, long usedAfter) {
        long allocated = 0;
        long left = usedBefore;
        for (long[] gc : gcs) {
            allocated += gc[0] - left;
            left = gc[1];
        }
        return allocated + usedAfter - left;
    }

    /** Adds {heap used before, heap used after} of every GC to {@code gcs}, in order. */
    private static void listenToGcs(List<long[]> gcs) {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    gcs.add(new long[] {heapUsed(info.getGcInfo().getMemoryUsageBeforeGc(), heapPools),
                        heapUsed(info.getGcInfo().getMemoryUsageAfterGc(), heapPools)});
                }
            }, null, null);
        }
    }

    private static long heapUsed(Map<String, MemoryUsage> pools, Set<String> heapPools) {
        return pools.entrySet().stream().filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed()).sum();
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long[] gcCountAndMillis() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += gc.getCollectionCount();
            millis += gc.getCollectionTime();
        }
        return new long[] {count, millis};
    }
}
