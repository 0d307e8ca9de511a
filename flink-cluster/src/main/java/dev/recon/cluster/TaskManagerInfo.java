package dev.recon.cluster;

/**
 * A registered TaskManager.
 *
 * @param id resource id, {@code tm-N} for TaskManager N of this cluster
 * @param slots its task slots
 * @param freeSlots slots not in use
 */
public record TaskManagerInfo(String id, int slots, int freeSlots) {

    /** Slots running tasks. */
    public int usedSlots() {
        return slots - freeSlots;
    }
}
