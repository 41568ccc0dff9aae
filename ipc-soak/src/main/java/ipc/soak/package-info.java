/**
 * The soak test: {@link ipc.soak.SoakMain} (the command), {@link ipc.soak.Coordinator} (the single process that
 * starts, feeds, kills and checks the workers) and {@link ipc.soak.WorkerMain} (a worker JVM).
 */
package ipc.soak;
