package io.aiojakarta.internal.loop;

import java.util.Arrays;

/**
 * The armed timers of one loop, earliest first: a binary heap whose timers know their position,
 * so that a cancelled timer leaves in O(log n). Not thread-safe: the loop thread alone uses it.
 */
final class TimerHeap {

    private LoopTimer[] heap = new LoopTimer[64];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    LoopTimer peek() {
        return size == 0 ? null : heap[0];
    }

    void add(LoopTimer timer) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = timer;
        timer.heapIndex = size;
        size++;
        siftUp(size - 1);
    }

    LoopTimer poll() {
        if (size == 0) {
            return null;
        }
        LoopTimer first = heap[0];
        removeAt(0);
        return first;
    }

    /** Removes the timer when it is in this heap. */
    void remove(LoopTimer timer) {
        int index = timer.heapIndex;
        if (index >= 0 && index < size && heap[index] == timer) {
            removeAt(index);
        }
    }

    /** Empties the heap, handing each timer to the caller. */
    LoopTimer[] clear() {
        LoopTimer[] left = Arrays.copyOf(heap, size);
        Arrays.fill(heap, 0, size, null);
        size = 0;
        for (LoopTimer timer : left) {
            timer.heapIndex = -1;
        }
        return left;
    }

    private void removeAt(int index) {
        LoopTimer removed = heap[index];
        removed.heapIndex = -1;
        size--;
        if (index == size) {
            heap[size] = null;
            return;
        }
        LoopTimer last = heap[size];
        heap[size] = null;
        heap[index] = last;
        last.heapIndex = index;
        siftDown(index);
        if (heap[index] == last) {
            siftUp(index);
        }
        if (heap.length > 64 && size < heap.length / 4) {
            heap = Arrays.copyOf(heap, heap.length / 2);
        }
    }

    private void siftUp(int index) {
        LoopTimer timer = heap[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            LoopTimer above = heap[parent];
            if (!timer.before(above)) {
                break;
            }
            heap[index] = above;
            above.heapIndex = index;
            index = parent;
        }
        heap[index] = timer;
        timer.heapIndex = index;
    }

    private void siftDown(int index) {
        LoopTimer timer = heap[index];
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            int right = child + 1;
            if (right < size && heap[right].before(heap[child])) {
                child = right;
            }
            if (!heap[child].before(timer)) {
                break;
            }
            heap[index] = heap[child];
            heap[index].heapIndex = index;
            index = child;
        }
        heap[index] = timer;
        timer.heapIndex = index;
    }
}
