package dev.dkimagent.agent.metrics;

import java.io.IOException;
import java.util.List;

/**
 * Walks the rows of one family's parts as one sorted family: a k-way merge of the parts' sorted
 * rows, so no merged copy exists. A label set found in several parts comes out once: a counting
 * family adds the values up in part order, any other keeps the first part's value (as
 * {@link GaugeTable#add} and {@link GaugeTable#put} do within one part).
 */
final class RowMerge {
    /** Receives each merged row: its label values are those of {@code row} in {@code part}. */
    interface Sink {
        void row(FrozenTable part, int row, double value) throws IOException;
    }

    private final FrozenTable[] parts;
    private final int[] cursor;
    private final int[] heap;
    private int size;

    private RowMerge(List<FrozenTable> parts) {
        this.parts = parts.stream().filter(p -> p.rows() > 0).toArray(FrozenTable[]::new);
        this.cursor = new int[this.parts.length];
        this.heap = new int[this.parts.length];
        for (int i = 0; i < heap.length; i++) {
            heap[i] = i;
        }
        size = heap.length;
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    /** Every row of the family the parts make (given in precedence order), sorted by label values. */
    static void forEach(List<FrozenTable> parts, Sink sink) throws IOException {
        if (parts.size() == 1) {
            FrozenTable only = parts.get(0);
            for (int row = 0; row < only.rows(); row++) {
                sink.row(only, row, only.value(row));
            }
            return;
        }
        new RowMerge(parts).drain(sink);
    }

    private void drain(Sink sink) throws IOException {
        while (size > 0) {
            FrozenTable part = parts[heap[0]];
            int row = cursor[heap[0]];
            double value = part.value(row);
            advanceTop();
            while (size > 0 && parts[heap[0]].compare(cursor[heap[0]], part, row) == 0) {
                if (part.counting()) {
                    value += parts[heap[0]].value(cursor[heap[0]]);
                }
                advanceTop();
            }
            sink.row(part, row, value);
        }
    }

    private void advanceTop() {
        int top = heap[0];
        if (++cursor[top] == parts[top].rows()) {
            heap[0] = heap[--size];
        }
        siftDown(0);
    }

    private void siftDown(int at) {
        int i = at;
        while (true) {
            int smallest = i;
            int left = 2 * i + 1;
            int right = left + 1;
            if (left < size && before(heap[left], heap[smallest])) {
                smallest = left;
            }
            if (right < size && before(heap[right], heap[smallest])) {
                smallest = right;
            }
            if (smallest == i) {
                return;
            }
            int swap = heap[i];
            heap[i] = heap[smallest];
            heap[smallest] = swap;
            i = smallest;
        }
    }

    /** Part a's current row sorts before part b's; equal rows go in part order. */
    private boolean before(int a, int b) {
        int c = parts[a].compare(cursor[a], parts[b], cursor[b]);
        return c < 0 || (c == 0 && a < b);
    }
}
